package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** The sum of all position notionals of the account plus this order may not exceed the limit. */
public final class MaxGrossExposureRule implements RiskRule {
  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    if (exposure.reducesPosition(intent)) {
      return Optional.empty();
    }
    var after = exposure.grossExposure().add(intent.notional());
    if (after.compareTo(limits.maxGrossExposure()) > 0) {
      return Optional.of(new Denial(DenyReason.MAX_GROSS_EXPOSURE,
          "gross exposure would be " + after.stripTrailingZeros().toPlainString() + ", limit "
              + limits.maxGrossExposure().toPlainString()));
    }
    return Optional.empty();
  }
}
