package org.tradingnode.core.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.SYMBOL;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.intent;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class MaxOrderRateRuleTest {

  private final MaxOrderRateRule rule = new MaxOrderRateRule();

  private static OrderIntent order(String strategyId) {
    return intent(strategyId, SYMBOL, Side.BUY, OrderType.LIMIT, "1", "100", "100", false, T0);
  }

  /** {@code count} orders of strategy s1, one second apart from T0 on. */
  private static AccountExposure sent(int count) {
    AccountExposure exposure = AccountExposure.empty();
    for (int i = 0; i < count; i++) {
      exposure = exposure.recordApproved(order("s1"), T0 + i * 1_000L);
    }
    return exposure;
  }

  @Test
  void orderBeyondTheRateLimitIsDeniedWithMaxOrderRate() {
    assertDenied(DenyReason.MAX_ORDER_RATE, rule.check(order("s1"), sent(5), LIMITS, T0 + 5_000L));
  }

  @Test
  void orderJustUnderTheRateLimitPasses() {
    assertPasses(rule.check(order("s1"), sent(4), LIMITS, T0 + 4_000L));
  }

  @Test
  void otherStrategiesOrdersDoNotCount() {
    assertPasses(rule.check(order("s2"), sent(5), LIMITS, T0 + 5_000L));
  }

  @Test
  void ordersOlderThanAMinuteNoLongerCount() {
    assertPasses(rule.check(order("s1"), sent(5), LIMITS, T0 + 60_000L));
  }

  @Test
  void exitsCountTowardsTheLimitAndAreHeldToItLikeEntries() {
    AccountExposure exposure = RiskFixtures.holding("10", "100");
    for (int i = 0; i < LIMITS.maxOrdersPerMinute(); i++) {
      OrderIntent exit = exit();
      exposure = exposure.recordApproved(exit, T0 + i * 1_000L).recordOrderClosed(exit.clientOrderId());
    }

    RiskDecision decision = RiskEngine.standard().evaluate(exit(), TradingMode.RUNNING, exposure, LIMITS, T0 + 5_000L);

    assertEquals(new RiskDecision.Denied(DenyReason.MAX_ORDER_RATE, "s1 sent 5 orders in the last minute, limit 5"),
        decision);
  }

  private static OrderIntent exit() {
    return intent("s1", SYMBOL, Side.SELL, OrderType.MARKET, "0.1", null, "100", true, T0);
  }
}
