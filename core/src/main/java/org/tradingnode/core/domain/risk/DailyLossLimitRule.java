package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** Once the day's realized loss reaches the limit, only orders that reduce a position pass. */
public final class DailyLossLimitRule implements RiskRule {
  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    if (exposure.reducesPosition(intent)) {
      return Optional.empty();
    }
    var loss = exposure.dailyRealizedPnl(now).negate();
    if (loss.compareTo(limits.dailyLossLimit()) >= 0) {
      return Optional.of(new Denial(DenyReason.DAILY_LOSS_LIMIT,
          "daily loss " + loss.toPlainString() + " reached the limit " + limits.dailyLossLimit().toPlainString()));
    }
    return Optional.empty();
  }

  /** True when the realized loss of the day of {@code now} has reached the limit. */
  public static boolean isBreached(AccountExposure exposure, RiskLimits limits, long now) {
    return exposure.dailyRealizedPnl(now).negate().compareTo(limits.dailyLossLimit()) >= 0;
  }
}
