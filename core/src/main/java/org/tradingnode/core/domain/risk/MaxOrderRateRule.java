package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** A strategy may not send more than the limit of orders in any rolling minute. */
public final class MaxOrderRateRule implements RiskRule {
  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    int recent = exposure.ordersInLastMinute(intent.strategyId(), now);
    if (recent >= limits.maxOrdersPerMinute()) {
      return Optional.of(new Denial(DenyReason.MAX_ORDER_RATE,
          intent.strategyId() + " sent " + recent + " orders in the last minute, limit " + limits.maxOrdersPerMinute()));
    }
    return Optional.empty();
  }
}
