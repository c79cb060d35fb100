package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.MONEY_SCALE;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.fill;
import static org.tradingnode.core.domain.risk.RiskFixtures.intent;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class MaxGrossExposureRuleTest {

  private final MaxGrossExposureRule rule = new MaxGrossExposureRule();

  /** 40 BTCUSDT at 100 and 50 ETHUSDT at 100: 9000 gross. */
  private static AccountExposure twoPositions() {
    return AccountExposure.empty()
        .recordFill(fill("BTCUSDT", Side.BUY, "100", "40", "0", T0), MONEY_SCALE)
        .recordFill(fill("ETHUSDT", Side.SELL, "100", "50", "0", T0), MONEY_SCALE);
  }

  @Test
  void orderThatTakesTheAccountAboveTheGrossLimitIsDeniedWithMaxGrossExposure() {
    var intent = limit(Side.BUY, "10.01", "100");

    assertDenied(DenyReason.MAX_GROSS_EXPOSURE, rule.check(intent, twoPositions(), LIMITS, T0));
  }

  @Test
  void orderThatLeavesTheAccountJustUnderTheGrossLimitPasses() {
    var intent = limit(Side.BUY, "9.99", "100");

    assertPasses(rule.check(intent, twoPositions(), LIMITS, T0));
  }

  @Test
  void positionsAreValuedAtTheLastKnownPrice() {
    var exposure = twoPositions().recordApproved(
        intent("s1", "BTCUSDT", Side.BUY, OrderType.MARKET, "0.01", null, "110", false, T0), T0);
    var intent = limit(Side.BUY, "6.01", "100");

    assertPasses(rule.check(intent, twoPositions(), LIMITS, T0));
    assertDenied(DenyReason.MAX_GROSS_EXPOSURE, rule.check(intent, exposure, LIMITS, T0));
  }

  @Test
  void reducingOrderPassesEvenAboveTheGrossLimit() {
    var exposure = twoPositions().recordFill(fill("BTCUSDT", Side.BUY, "100", "20", "0", T0), MONEY_SCALE);
    var intent = limit(Side.SELL, "5", "100");

    assertPasses(rule.check(intent, exposure, LIMITS, T0));
  }
}
