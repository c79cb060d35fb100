package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.SYMBOL;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.intent;

import org.junit.jupiter.api.Test;
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
}
