package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;
import static org.tradingnode.core.domain.risk.RiskFixtures.market;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Side;

class PriceBandRuleTest {

  private final PriceBandRule rule = new PriceBandRule();

  @Test
  void limitAboveTheBandIsDeniedWithPriceBand() {
    var intent = limit(Side.BUY, "1", "105.01", "100");

    assertDenied(DenyReason.PRICE_BAND, rule.check(intent, AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void limitBelowTheBandIsDeniedWithPriceBand() {
    var intent = limit(Side.SELL, "1", "94.99", "100");

    assertDenied(DenyReason.PRICE_BAND, rule.check(intent, AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void limitJustInsideTheBandPasses() {
    assertPasses(rule.check(limit(Side.BUY, "1", "104.99", "100"), AccountExposure.empty(), LIMITS, T0));
    assertPasses(rule.check(limit(Side.SELL, "1", "95.01", "100"), AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void limitExactlyOnTheBandEdgePasses() {
    assertPasses(rule.check(limit(Side.BUY, "1", "105", "100"), AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void marketOrderHasNoLimitToCheck() {
    assertPasses(rule.check(market(Side.BUY, "1", "100"), AccountExposure.empty(), LIMITS, T0));
  }

  @Test
  void limitWithoutAReferencePriceIsNotChecked() {
    assertPasses(rule.check(limit(Side.BUY, "1", "500", null), AccountExposure.empty(), LIMITS, T0));
  }
}
