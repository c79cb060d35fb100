package org.tradingnode.bench.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.domain.strategy.SymbolView;
import org.tradingnode.core.domain.strategy.TradingStrategy;

/**
 * The driver's strategy types, run by the node's own runners and entities:
 * <ul>
 *   <li>{@code bench-count} counts the market events it is given and checks their per-symbol order;</li>
 *   <li>{@code bench-load} places one order per trade event whenever it has no working order: a market
 *       order alternating buy and sell ({@code mode=market}) or a resting limit buy 3% under the trade
 *       ({@code mode=rest}); the trade id becomes the order's tag so the driver can time it.
 *       {@code maxOrders} (0: no limit) caps the orders of one runner: market orders counted as the fills
 *       its view shows (each flips the position), so a proposal the entity dropped as stale is not
 *       counted; resting orders counted as placed.</li>
 * </ul>
 */
final class BenchStrategies implements StrategyTypes {
  static final String COUNT = "bench-count";
  static final String LOAD = "bench-load";

  private final MarketTally tally;

  BenchStrategies(MarketTally tally) {
    this.tally = tally;
  }

  @Override
  public Set<String> names() {
    return Set.of(COUNT, LOAD);
  }

  @Override
  public TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol) {
    if (COUNT.equals(config.type())) {
      long[] lastTradeId = new long[1];
      return (event, view) -> {
        tally.record(event, lastTradeId);
        return List.of();
      };
    }
    if (LOAD.equals(config.type())) {
      return new Load(config.params().getOrDefault("mode", "market"),
          new BigDecimal(config.params().getOrDefault("quantity", "0.1")),
          Integer.parseInt(config.params().getOrDefault("maxOrders", "0")));
    }
    throw new IllegalArgumentException("unknown bench strategy type " + config.type());
  }

  /** One order per trade while nothing is working. */
  private static final class Load implements TradingStrategy {
    private final boolean resting;
    private final BigDecimal quantity;
    private final int maxOrders;
    private int placed;
    private int filled;
    private BigDecimal lastPosition = BigDecimal.ZERO;

    Load(String mode, BigDecimal quantity, int maxOrders) {
      if (!mode.equals("market") && !mode.equals("rest")) {
        throw new IllegalArgumentException("mode must be market or rest");
      }
      this.resting = mode.equals("rest");
      this.quantity = quantity;
      this.maxOrders = maxOrders;
    }

    @Override
    public List<IntentProposal> onMarketEvent(MarketEvent event, SymbolView view) {
      if (view.positionQuantity().compareTo(lastPosition) != 0) {
        filled++;
        lastPosition = view.positionQuantity();
      }
      int counted = resting ? placed : filled;
      if (!(event instanceof Trade trade) || view.workingOrders() > 0 || maxOrders > 0 && counted >= maxOrders) {
        return List.of();
      }
      BigDecimal price = BigDecimal.valueOf(trade.price());
      String tag = Long.toString(trade.tradeId());
      placed++;
      if (resting) {
        BigDecimal limit = price.multiply(new BigDecimal("0.97")).setScale(2, RoundingMode.DOWN);
        return List.of(new IntentProposal(trade.symbol(), Side.BUY, OrderType.LIMIT, quantity, limit, price, false,
            tag));
      }
      Side side = view.positionQuantity().signum() > 0 ? Side.SELL : Side.BUY;
      return List.of(new IntentProposal(trade.symbol(), side, OrderType.MARKET, quantity, null, price, false, tag));
    }
  }
}
