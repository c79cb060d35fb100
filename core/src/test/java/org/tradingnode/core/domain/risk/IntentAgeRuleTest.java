package org.tradingnode.core.domain.risk;

import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Side;

class IntentAgeRuleTest {

  private final IntentAgeRule rule = new IntentAgeRule();

  @Test
  void intentOlderThanTheMaximumAgeIsDeniedWithStaleIntent() {
    var intent = limit(Side.BUY, "1", "100");

    assertDenied(DenyReason.STALE_INTENT,
        rule.check(intent, AccountExposure.empty(), LIMITS, T0 + IntentAgeRule.MAX_AGE_MS + 1));
  }

  @Test
  void intentJustUnderTheMaximumAgePasses() {
    var intent = limit(Side.BUY, "1", "100");

    assertPasses(rule.check(intent, AccountExposure.empty(), LIMITS, T0 + IntentAgeRule.MAX_AGE_MS - 1));
  }

  @Test
  void intentExactlyAtTheMaximumAgePasses() {
    var intent = limit(Side.BUY, "1", "100");

    assertPasses(rule.check(intent, AccountExposure.empty(), LIMITS, T0 + IntentAgeRule.MAX_AGE_MS));
  }
}
