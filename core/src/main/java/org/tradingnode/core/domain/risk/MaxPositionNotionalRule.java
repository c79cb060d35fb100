package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** The position in one symbol, after the order fills, may not be worth more than the limit. */
public final class MaxPositionNotionalRule implements RiskRule {
  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    if (exposure.reducesPosition(intent)) {
      return Optional.empty();
    }
    var after = exposure.quantityAfter(intent).abs().multiply(intent.valuationPrice());
    if (after.compareTo(limits.maxPositionNotional()) > 0) {
      return Optional.of(new Denial(DenyReason.MAX_POSITION_NOTIONAL,
          intent.symbol() + " position would be worth " + after.stripTrailingZeros().toPlainString()
              + ", limit " + limits.maxPositionNotional().toPlainString()));
    }
    return Optional.empty();
  }
}
