package org.tradingnode.core.domain.risk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.MONEY_SCALE;
import static org.tradingnode.core.domain.risk.RiskFixtures.SYMBOL;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDenied;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertPasses;
import static org.tradingnode.core.domain.risk.RiskFixtures.fill;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Side;

class DailyLossLimitRuleTest {

  /** 2023-11-15T00:00:00Z, the UTC midnight after {@link RiskFixtures#T0}. */
  private static final long NEXT_UTC_DAY = 1_700_006_400_000L;

  private final DailyLossLimitRule rule = new DailyLossLimitRule();

  /** Bought 20 at 100, sold 10 of them at {@code exitPrice} at T0: 10 left. */
  private static AccountExposure lostSellingTenAt(String exitPrice) {
    return AccountExposure.empty()
        .recordFill(fill(SYMBOL, Side.BUY, "100", "20", "0", T0), MONEY_SCALE)
        .recordFill(fill(SYMBOL, Side.SELL, exitPrice, "10", "0", T0), MONEY_SCALE);
  }

  @Test
  void newExposureAfterTheDailyLossReachedTheLimitIsDeniedWithDailyLossLimit() {
    var exposure = lostSellingTenAt("50");

    assertDenied(DenyReason.DAILY_LOSS_LIMIT, rule.check(limit(Side.BUY, "1", "50"), exposure, LIMITS, T0));
    assertTrue(DailyLossLimitRule.isBreached(exposure, LIMITS, T0));
  }

  @Test
  void newExposureJustUnderTheDailyLossLimitPasses() {
    var exposure = lostSellingTenAt("50.001");

    assertPasses(rule.check(limit(Side.BUY, "1", "50"), exposure, LIMITS, T0));
    assertFalse(DailyLossLimitRule.isBreached(exposure, LIMITS, T0));
  }

  @Test
  void feesCountTowardsTheDailyLoss() {
    var exposure = AccountExposure.empty()
        .recordFill(fill(SYMBOL, Side.BUY, "100", "20", "0.01", T0), MONEY_SCALE)
        .recordFill(fill(SYMBOL, Side.SELL, "50.001", "10", "0", T0), MONEY_SCALE);

    assertDenied(DenyReason.DAILY_LOSS_LIMIT, rule.check(limit(Side.BUY, "1", "50"), exposure, LIMITS, T0));
  }

  @Test
  void reducingOrderPassesAfterTheLimitIsReached() {
    var exposure = lostSellingTenAt("50");

    assertPasses(rule.check(limit(Side.SELL, "5", "50"), exposure, LIMITS, T0));
  }

  @Test
  void theNextUtcDayStartsWithoutLoss() {
    var exposure = lostSellingTenAt("50");

    assertPasses(rule.check(limit(Side.BUY, "1", "50"), exposure, LIMITS, NEXT_UTC_DAY));
    assertFalse(DailyLossLimitRule.isBreached(exposure, LIMITS, NEXT_UTC_DAY));
  }
}
