package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** One pre-trade check. It answers with a denial (its own reason code and a detail) or nothing. */
public interface RiskRule {

  Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now);

  /** A refusal with the rule's code and a human-readable detail. */
  record Denial(DenyReason reason, String detail) {}
}
