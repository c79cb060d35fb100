package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** The account may not have more than the limit of approved orders that are not final yet. */
public final class MaxOpenOrdersRule implements RiskRule {
  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    if (exposure.openOrderCount() >= limits.maxOpenOrders()) {
      return Optional.of(new Denial(DenyReason.MAX_OPEN_ORDERS,
          exposure.openOrderCount() + " open orders, limit " + limits.maxOpenOrders()));
    }
    return Optional.empty();
  }
}
