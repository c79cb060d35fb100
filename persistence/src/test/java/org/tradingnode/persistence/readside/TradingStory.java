package org.tradingnode.persistence.readside;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.risk.DenyReason;
import org.tradingnode.core.domain.strategy.StrategyBook;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.StrategyEntity;

/**
 * A known sequence of Strategy events and what the strategy itself makes of them. Strategy alpha
 * (account demo, tag Strategy-2) buys 0.01 BTC in two fills, sells half (filled in the venue's answer),
 * has one intent denied and one order cancelled, and later closes the rest; strategy beta (account other,
 * tag Strategy-0) sells ETH short.
 */
final class TradingStory {
  static final long T0 = 1_767_225_600_000L;
  static final InstrumentCatalog CATALOG = new InstrumentCatalog(List.of(
      new Instrument("paper", "BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
          new BigDecimal("5")),
      new Instrument("paper", "ETHUSDT", "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
          new BigDecimal("5"))));
  static final int MONEY_SCALE = 2;

  static final Fill ALPHA_FILL_1 = fill("f-1", "alpha-1", "BTCUSDT", Side.BUY, "60000.00", "0.004", "0.24", 3);
  static final Fill ALPHA_FILL_2 = fill("f-2", "alpha-1", "BTCUSDT", Side.BUY, "59990.00", "0.006", "0.36", 4);
  static final Fill ALPHA_FILL_3 = fill("f-3", "alpha-2", "BTCUSDT", Side.SELL, "60100.00", "0.005", "0.30", 6);
  static final Fill ALPHA_FILL_5 = fill("f-5", "alpha-5", "BTCUSDT", Side.SELL, "60200.00", "0.005", "0.30", 21);
  static final Fill BETA_FILL_1 = fill("g-1", "beta-1", "ETHUSDT", Side.SELL, "3000.00", "0.5", "1.50", 2);

  private TradingStory() {}

  /** Alpha's first events: two fills into a long position, a partial sale, a denial and a cancel. */
  static List<StrategyEntity.Event> alphaOpening() {
    return List.of(
        new StrategyEntity.StrategyCreated(new StrategyConfig("alpha", "momentum", "demo", "paper",
            List.of("BTCUSDT"), Map.of()), T0),
        new StrategyEntity.OrderIntended(intent("alpha-1", "alpha", "demo", "BTCUSDT", Side.BUY, OrderType.LIMIT,
            "0.010", "60000.00", 1)),
        new StrategyEntity.OrderAccepted("alpha-1", "v-1", at(2)),
        new StrategyEntity.OrderFilled(ALPHA_FILL_1, MONEY_SCALE),
        new StrategyEntity.OrderFilled(ALPHA_FILL_2, MONEY_SCALE),
        new StrategyEntity.OrderIntended(intent("alpha-2", "alpha", "demo", "BTCUSDT", Side.SELL, OrderType.MARKET,
            "0.005", null, 5)),
        new StrategyEntity.OrderAccepted("alpha-2", "v-2", at(6), List.of(ALPHA_FILL_3), MONEY_SCALE),
        new StrategyEntity.OrderIntended(intent("alpha-3", "alpha", "demo", "BTCUSDT", Side.BUY, OrderType.LIMIT,
            "0.002", "59000.00", 7)),
        new StrategyEntity.OrderDenied("alpha-3", DenyReason.MAX_ORDER_NOTIONAL, "too big", at(8)),
        new StrategyEntity.OrderIntended(intent("alpha-4", "alpha", "demo", "BTCUSDT", Side.BUY, OrderType.LIMIT,
            "0.001", "59500.00", 9)),
        new StrategyEntity.OrderAccepted("alpha-4", "v-4", at(10)),
        new StrategyEntity.OrderClosed("alpha-4", OrderStatus.CANCELED, "canceled", at(11)));
  }

  /** Alpha's later events: it sells the rest and is flat (its fill written before events carried the scale). */
  static List<StrategyEntity.Event> alphaClosing() {
    return List.of(
        new StrategyEntity.OrderIntended(intent("alpha-5", "alpha", "demo", "BTCUSDT", Side.SELL, OrderType.MARKET,
            "0.005", null, 20)),
        new StrategyEntity.OrderFilled(ALPHA_FILL_5, null));
  }

  /** Beta sells ETH short in one fill. */
  static List<StrategyEntity.Event> betaShort() {
    return List.of(
        new StrategyEntity.OrderIntended(intent("beta-1", "beta", "other", "ETHUSDT", Side.SELL, OrderType.MARKET,
            "0.5", null, 1)),
        new StrategyEntity.OrderFilled(BETA_FILL_1, MONEY_SCALE));
  }

  /** The position the strategy's own book holds after these fills, by the domain's arithmetic. */
  static Position positionAfter(String symbol, Fill... fills) {
    Position position = Position.flat(symbol);
    for (Fill fill : fills) {
      position = position.apply(fill, MONEY_SCALE);
    }
    return position;
  }

  /** The order counts the strategy's own book holds after these events, by the domain's transitions. */
  static OrderCounts countsAfter(List<StrategyEntity.Event> events) {
    StrategyBook book = StrategyBook.empty();
    for (StrategyEntity.Event event : events) {
      if (event instanceof StrategyEntity.OrderIntended e) {
        book = book.withIntent(e.intent());
      } else if (event instanceof StrategyEntity.OrderAccepted e) {
        book = book.withAccepted(e.clientOrderId(), e.venueOrderId(), e.at());
        for (Fill fill : e.fills()) {
          book = book.withFill(fill, MONEY_SCALE);
        }
      } else if (event instanceof StrategyEntity.OrderFilled e) {
        book = book.withFill(e.fill(), MONEY_SCALE);
      } else if (event instanceof StrategyEntity.OrderDenied e) {
        book = book.withClosed(e.clientOrderId(), OrderStatus.REJECTED, e.reason().name(), e.at());
      } else if (event instanceof StrategyEntity.OrderClosed e) {
        book = book.withClosed(e.clientOrderId(), e.status(), e.reason(), e.at());
      }
    }
    return book.counts();
  }

  static long at(int step) {
    return T0 + step * 1_000L;
  }

  private static OrderIntent intent(String clientOrderId, String strategyId, String account, String symbol, Side side,
      OrderType type, String quantity, String limitPrice, int step) {
    BigDecimal limit = limitPrice == null ? null : new BigDecimal(limitPrice);
    BigDecimal reference = symbol.equals("BTCUSDT") ? new BigDecimal("60000.00") : new BigDecimal("3000.00");
    return new OrderIntent(clientOrderId, strategyId, account, "paper", symbol, side, type, new BigDecimal(quantity),
        limit, reference, false, "entry", at(step));
  }

  private static Fill fill(String fillId, String clientOrderId, String symbol, Side side, String price,
      String quantity, String fee, int step) {
    return new Fill(fillId, clientOrderId, symbol, side, new BigDecimal(price), new BigDecimal(quantity),
        new BigDecimal(fee), false, at(step));
  }
}
