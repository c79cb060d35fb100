package org.tradingnode.bench.jmh;

import java.math.BigDecimal;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.paper.FeeSchedule;
import org.tradingnode.core.domain.risk.RiskLimits;

/** Instruments, limits, intents and fills shaped like those of the demo node (conf/trading.conf). */
final class TradingSamples {

  static final long START_TIME = 1_700_000_000_000L;
  static final String ACCOUNT = "demo";
  static final String EXCHANGE = "paper";
  static final String BTCUSDT = "BTCUSDT";

  private TradingSamples() {}

  static Instrument btcUsdt() {
    return new Instrument(EXCHANGE, BTCUSDT, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
        new BigDecimal("5"));
  }

  /** The paper venue's fees: 10 bps maker and taker. */
  static FeeSchedule paperFees() {
    return new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"));
  }

  /** {@code risk.default-limits}. */
  static RiskLimits defaultLimits() {
    return new RiskLimits(new BigDecimal("25000"), new BigDecimal("50000"), new BigDecimal("90000"), 50,
        new BigDecimal("5"), 120, new BigDecimal("5000"));
  }

  /**
   * An intent of the given strategy with a deterministic client order id.
   *
   * @param limitPrice null for a market order
   */
  static OrderIntent intent(String strategyId, long sequence, String symbol, Side side, OrderType type,
      String quantity, String limitPrice, String referencePrice, long createdAt) {
    return new OrderIntent(OrderIntent.clientOrderId(strategyId, sequence), strategyId, ACCOUNT, EXCHANGE, symbol,
        side, type, new BigDecimal(quantity), limitPrice == null ? null : new BigDecimal(limitPrice),
        new BigDecimal(referencePrice), false, "entry", createdAt);
  }

  /** A BTCUSDT limit buy of the momentum demo strategy. */
  static OrderIntent btcLimitBuy() {
    return intent("momentum-btc", 42, BTCUSDT, Side.BUY, OrderType.LIMIT, "0.05000", "60015.00", "60010.00",
        START_TIME);
  }

  /** A taker fill of {@link #btcLimitBuy()}. */
  static Fill btcTakerFill() {
    OrderIntent intent = btcLimitBuy();
    return new Fill(intent.clientOrderId() + "-0.05", intent.clientOrderId(), BTCUSDT, Side.BUY,
        new BigDecimal("60010.01"), new BigDecimal("0.05000"), new BigDecimal("3.00"), false, START_TIME + 3);
  }
}
