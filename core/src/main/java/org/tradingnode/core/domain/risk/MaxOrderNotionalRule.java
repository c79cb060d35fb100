package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** No single order may be worth more than the limit. */
public final class MaxOrderNotionalRule implements RiskRule {
  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    var notional = intent.notional();
    if (notional.compareTo(limits.maxOrderNotional()) > 0) {
      return Optional.of(new Denial(DenyReason.MAX_ORDER_NOTIONAL,
          "order notional " + notional.stripTrailingZeros().toPlainString() + " exceeds "
              + limits.maxOrderNotional().toPlainString()));
    }
    return Optional.empty();
  }
}
