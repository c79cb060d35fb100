package org.tradingnode.cluster;

import java.math.BigDecimal;
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
 * The strategy type {@code paced} of the cluster tests: a steady offered load. On a trade it
 * places a market order of {@code quantity} when it has no working order and at least
 * {@code intervalMillis} of market time have passed since its last order: a buy when flat, a sell of
 * the position when long, so the position goes back to flat every second order.
 */
final class PacedStrategies implements StrategyTypes {
  static final String PACED = "paced";

  @Override
  public Set<String> names() {
    return Set.of(PACED);
  }

  @Override
  public TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol) {
    if (!PACED.equals(config.type())) {
      throw new IllegalArgumentException("unknown strategy type " + config.type());
    }
    BigDecimal quantity = new BigDecimal(config.params().getOrDefault("quantity", "0"));
    long interval = Long.parseLong(config.params().getOrDefault("intervalMillis", "100"));
    if (quantity.signum() <= 0 || interval <= 0) {
      throw new IllegalArgumentException("quantity and intervalMillis must be positive");
    }
    return new Paced(quantity, interval);
  }

  /** One market order per interval of market time while nothing is working. */
  private static final class Paced implements TradingStrategy {
    private final BigDecimal quantity;
    private final long intervalMillis;
    private long lastOrderAt = Long.MIN_VALUE / 2;
    private long marketTime = Long.MIN_VALUE;

    Paced(BigDecimal quantity, long intervalMillis) {
      this.quantity = quantity;
      this.intervalMillis = intervalMillis;
    }

    @Override
    public List<IntentProposal> onMarketEvent(MarketEvent event, SymbolView view) {
      marketTime = Math.max(marketTime, event.timestamp());
      if (!(event instanceof Trade trade) || view.workingOrders() > 0 || marketTime - lastOrderAt < intervalMillis) {
        return List.of();
      }
      lastOrderAt = marketTime;
      boolean longNow = view.positionQuantity().signum() > 0;
      BigDecimal size = longNow ? view.positionQuantity() : quantity;
      return List.of(new IntentProposal(event.symbol(), longNow ? Side.SELL : Side.BUY, OrderType.MARKET, size, null,
          BigDecimal.valueOf(trade.price()), longNow, "paced"));
    }
  }
}
