package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.holding;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Side;

class MaxPositionNotionalRuleTest {

  private final MaxPositionNotionalRule rule = new MaxPositionNotionalRule();

  @Test
  void buyThatTakesThePositionAboveTheLimitIsDeniedWithMaxPositionNotional() {
    var exposure = holding("40", "100");
    var intent = limit(Side.BUY, "10", "100.01");

    assertDenied(DenyReason.MAX_POSITION_NOTIONAL, rule.check(intent, exposure, LIMITS, T0));
  }

  @Test
  void buyThatLeavesThePositionJustUnderTheLimitPasses() {
    var exposure = holding("40", "100");
    var intent = limit(Side.BUY, "9.99", "100");

    assertPasses(rule.check(intent, exposure, LIMITS, T0));
  }

  @Test
  void sellThatGrowsAShortAboveTheLimitIsDenied() {
    var exposure = holding("-45", "100");
    var intent = limit(Side.SELL, "5.01", "100");

    assertDenied(DenyReason.MAX_POSITION_NOTIONAL, rule.check(intent, exposure, LIMITS, T0));
  }

  @Test
  void sellThatFlipsALongIntoAShortAboveTheLimitIsDenied() {
    var exposure = holding("5", "100");
    var intent = limit(Side.SELL, "55.01", "100");

    assertDenied(DenyReason.MAX_POSITION_NOTIONAL, rule.check(intent, exposure, LIMITS, T0));
  }

  @Test
  void reducingAPositionAlreadyAboveTheLimitPasses() {
    var exposure = holding("80", "100");
    var intent = limit(Side.SELL, "5", "100");

    assertPasses(rule.check(intent, exposure, LIMITS, T0));
  }
}
