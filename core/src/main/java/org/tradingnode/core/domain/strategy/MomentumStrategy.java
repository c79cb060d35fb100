package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradingnode.core.domain.indicator.Ema;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

/**
 * Long-only momentum: buys {@code orderNotional} worth when the fast EMA of trade prices crosses
 * above the slow one, then exits in phases (sell a fraction of the entry at each profit level), on a
 * stop-loss below the average entry, and optionally when the fast EMA crosses back below. One order
 * at a time per symbol: nothing is proposed while an order is still working.
 */
public final class MomentumStrategy implements TradingStrategy {
  public static final String TYPE = "momentum";

  private final MomentumParameters parameters;
  private final Map<String, Instrument> instruments;
  private final Map<String, Emas> emasBySymbol = new HashMap<>();

  public MomentumStrategy(MomentumParameters parameters, Map<String, Instrument> instrumentsBySymbol) {
    this.parameters = parameters;
    this.instruments = Map.copyOf(instrumentsBySymbol);
  }

  @Override
  public Optional<OrderSizing> orderSizing() {
    return Optional.of(new OrderSizing("orderNotional", parameters.orderNotional()));
  }

  @Override
  public List<IntentProposal> onMarketEvent(MarketEvent event, SymbolView view) {
    if (!(event instanceof Trade trade)) {
      return List.of();
    }
    Instrument instrument = instruments.get(trade.symbol());
    if (instrument == null) {
      return List.of();
    }
    Emas emas = emasBySymbol.computeIfAbsent(trade.symbol(), s -> new Emas(parameters));
    Cross cross = emas.update(trade.price());
    if (view.workingOrders() > 0) {
      return List.of();
    }
    BigDecimal price = BigDecimal.valueOf(trade.price());
    BigDecimal position = view.positionQuantity();
    boolean dust = instrument.notional(price, position).compareTo(instrument.minNotional()) < 0;
    if (position.signum() <= 0 || dust) {
      return cross == Cross.UP ? entry(instrument, price) : List.of();
    }
    return exit(instrument, price, view, cross);
  }

  private List<IntentProposal> entry(Instrument instrument, BigDecimal price) {
    BigDecimal quantity = instrument.roundQuantity(parameters.orderNotional().divide(price, MathContext.DECIMAL64));
    if (quantity.signum() <= 0) {
      return List.of();
    }
    if (parameters.entryLimitOffset().signum() == 0) {
      return List.of(new IntentProposal(instrument.symbol(), Side.BUY, OrderType.MARKET, quantity, null, price, false,
          "entry"));
    }
    BigDecimal limit = instrument.roundPrice(price.multiply(BigDecimal.ONE.subtract(parameters.entryLimitOffset())),
        java.math.RoundingMode.DOWN);
    return List.of(new IntentProposal(instrument.symbol(), Side.BUY, OrderType.LIMIT, quantity, limit, price, false,
        "entry"));
  }

  private List<IntentProposal> exit(Instrument instrument, BigDecimal price, SymbolView view, Cross cross) {
    BigDecimal position = view.positionQuantity();
    BigDecimal entryPrice = view.averageEntryPrice();
    if (price.compareTo(entryPrice.multiply(BigDecimal.ONE.subtract(parameters.stopLoss()))) <= 0) {
      return List.of(sell(instrument, position, price, "stop"));
    }
    List<TakeProfitPhase> phases = parameters.takeProfit();
    for (int i = 0; i < phases.size(); i++) {
      String tag = "tp-" + (i + 1);
      if (view.tagsSinceFlat().contains(tag)) {
        continue;
      }
      TakeProfitPhase phase = phases.get(i);
      BigDecimal target = entryPrice.multiply(BigDecimal.ONE.add(phase.profitFraction()));
      if (price.compareTo(target) < 0) {
        break;
      }
      BigDecimal quantity = instrument.roundQuantity(view.entryQuantity().multiply(phase.sellFraction())).min(position);
      BigDecimal rest = position.subtract(quantity);
      boolean lastPhase = i == phases.size() - 1;
      if (lastPhase || quantity.signum() <= 0
          || instrument.notional(price, rest).compareTo(instrument.minNotional()) < 0) {
        quantity = position;
      }
      return List.of(sell(instrument, quantity, price, tag));
    }
    if (parameters.exitOnCrossDown() && cross == Cross.DOWN) {
      return List.of(sell(instrument, position, price, "exit"));
    }
    return List.of();
  }

  private static IntentProposal sell(Instrument instrument, BigDecimal quantity, BigDecimal price, String tag) {
    return new IntentProposal(instrument.symbol(), Side.SELL, OrderType.MARKET, quantity, null, price, true, tag);
  }

  private enum Cross { UP, DOWN, NONE }

  /** The two EMAs of one symbol and the sign of their last difference. */
  private static final class Emas {
    private final Ema fast;
    private final Ema slow;
    private int lastSign;

    Emas(MomentumParameters p) {
      fast = new Ema(p.fastPeriod());
      slow = new Ema(p.slowPeriod());
    }

    Cross update(double price) {
      fast.update(price);
      slow.update(price);
      if (!slow.isReady()) {
        return Cross.NONE;
      }
      int sign = Double.compare(fast.value(), slow.value());
      Cross cross = Cross.NONE;
      if (lastSign <= 0 && sign > 0 && lastSign != 0) {
        cross = Cross.UP;
      } else if (lastSign >= 0 && sign < 0 && lastSign != 0) {
        cross = Cross.DOWN;
      }
      if (sign != 0) {
        lastSign = sign;
      }
      return cross;
    }
  }
}
