package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.holding;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;
import static org.tradingnode.core.domain.risk.RiskFixtures.market;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Side;

class MaxOrderNotionalRuleTest {

  private final MaxOrderNotionalRule rule = new MaxOrderNotionalRule();

  @Test
  void orderWorthMoreThanTheLimitIsDeniedWithMaxOrderNotional() {
    var intent = limit(Side.BUY, "10", "100.01");

    assertDenied(DenyReason.MAX_ORDER_NOTIONAL, rule.check(intent, AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void orderJustUnderTheLimitPasses() {
    var intent = limit(Side.BUY, "10", "99.99");

    assertPasses(rule.check(intent, AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void orderExactlyAtTheLimitPasses() {
    var intent = limit(Side.BUY, "10", "100");

    assertPasses(rule.check(intent, AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void marketOrderIsValuedAtItsReferencePrice() {
    var tooBig = market(Side.BUY, "10", "100.01");
    var fits = market(Side.BUY, "10", "99.99");

    assertDenied(DenyReason.MAX_ORDER_NOTIONAL, rule.check(tooBig, AccountExposure.empty(), LIMITS, T0));
    assertPasses(rule.check(fits, AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void evenAReducingOrderMayNotBeWorthMoreThanTheLimit() {
    var exposure = holding("20", "100");
    var intent = limit(Side.SELL, "15", "100");

    assertDenied(DenyReason.MAX_ORDER_NOTIONAL, rule.check(intent, exposure, LIMITS, T0));
  }
}
