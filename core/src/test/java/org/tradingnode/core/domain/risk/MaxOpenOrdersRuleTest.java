package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.Side;

class MaxOpenOrdersRuleTest {

  private final MaxOpenOrdersRule rule = new MaxOpenOrdersRule();

  private static AccountExposure withOpenOrders(int count) {
    AccountExposure exposure = AccountExposure.empty();
    for (int i = 0; i < count; i++) {
      exposure = exposure.recordApproved(limit(Side.BUY, "1", "100"), T0);
    }
    return exposure;
  }

  @Test
  void orderBeyondTheOpenOrderLimitIsDeniedWithMaxOpenOrders() {
    assertDenied(DenyReason.MAX_OPEN_ORDERS, rule.check(limit(Side.BUY, "1", "100"), withOpenOrders(3), LIMITS, T0));
  }

  @Test
  void orderJustUnderTheOpenOrderLimitPasses() {
    assertPasses(rule.check(limit(Side.BUY, "1", "100"), withOpenOrders(2), LIMITS, T0));
  }

  @Test
  void closedOrderNoLongerCounts() {
    OrderIntent first = limit(Side.BUY, "1", "100");
    AccountExposure exposure = AccountExposure.empty().recordApproved(first, T0)
        .recordApproved(limit(Side.BUY, "1", "100"), T0)
        .recordApproved(limit(Side.BUY, "1", "100"), T0)
        .recordOrderClosed(first.clientOrderId());

    assertPasses(rule.check(limit(Side.BUY, "1", "100"), exposure, LIMITS, T0));
  }
}
