package org.tradingnode.core.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

/** Intents, fills and limits shared by the risk tests. */
final class RiskFixtures {
  static final long T0 = 1_700_000_000_000L;
  static final int MONEY_SCALE = 2;
  static final String SYMBOL = "BTCUSDT";

  /** Order 1000, position 5000, gross 10000, 3 open orders, 5 % band, 5 orders a minute, daily loss 500. */
  static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("1000"), new BigDecimal("5000"),
      new BigDecimal("10000"), 3, new BigDecimal("5"), 5, new BigDecimal("500"));

  private static long sequence;

  private RiskFixtures() {}

  static OrderIntent limit(Side side, String quantity, String limitPrice) {
    return intent("s1", SYMBOL, side, OrderType.LIMIT, quantity, limitPrice, limitPrice, false, T0);
  }

  static OrderIntent limit(Side side, String quantity, String limitPrice, String referencePrice) {
    return intent("s1", SYMBOL, side, OrderType.LIMIT, quantity, limitPrice, referencePrice, false, T0);
  }

  static OrderIntent market(Side side, String quantity, String referencePrice) {
    return intent("s1", SYMBOL, side, OrderType.MARKET, quantity, null, referencePrice, false, T0);
  }

  static OrderIntent intent(String strategyId, String symbol, Side side, OrderType type, String quantity,
      String limitPrice, String referencePrice, boolean reduceOnly, long createdAt) {
    sequence++;
    return new OrderIntent(OrderIntent.clientOrderId(strategyId, sequence), strategyId, "acc", "paper", symbol,
        side, type, new BigDecimal(quantity), limitPrice == null ? null : new BigDecimal(limitPrice),
        referencePrice == null ? null : new BigDecimal(referencePrice), reduceOnly, "test", createdAt);
  }

  static OrderIntent intent(String strategyId, String symbol, Side side, OrderType type, String quantity,
      String limitPrice, String referencePrice, boolean reduceOnly, String tag, long createdAt) {
    OrderIntent plain = intent(strategyId, symbol, side, type, quantity, limitPrice, referencePrice, reduceOnly,
        createdAt);
    return new OrderIntent(plain.clientOrderId(), strategyId, plain.account(), plain.exchange(), symbol, side, type,
        plain.quantity(), plain.limitPrice(), plain.referencePrice(), reduceOnly, tag, createdAt);
  }

  static Fill fill(String symbol, Side side, String price, String quantity, String fee, long at) {
    sequence++;
    return new Fill("fill-" + sequence, "s1-" + sequence, symbol, side, new BigDecimal(price),
        new BigDecimal(quantity), new BigDecimal(fee), false, at);
  }

  /** An account holding {@code quantity} (negative for short) of {@link #SYMBOL} bought or sold at {@code price}. */
  static AccountExposure holding(String quantity, String price) {
    BigDecimal q = new BigDecimal(quantity);
    Side side = q.signum() >= 0 ? Side.BUY : Side.SELL;
    return AccountExposure.empty().recordFill(fill(SYMBOL, side, price, q.abs().toPlainString(), "0", T0), MONEY_SCALE);
  }

  static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  static void assertDenied(DenyReason expected, Optional<RiskRule.Denial> denial) {
    assertTrue(denial.isPresent(), "expected a denial with " + expected);
    assertEquals(expected, denial.get().reason());
  }

  static void assertPasses(Optional<RiskRule.Denial> denial) {
    assertTrue(denial.isEmpty(), () -> "expected no denial but got " + denial.orElseThrow());
  }
}
