package org.tradingnode.core.domain.risk;

import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/**
 * An intent older than the limit is refused: after a restart, an intent that never reached risk
 * must not trade on a market that has moved since the strategy decided.
 */
public final class IntentAgeRule implements RiskRule {
  public static final long MAX_AGE_MS = 10_000L;

  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    long age = now - intent.createdAt();
    if (age > MAX_AGE_MS) {
      return Optional.of(new Denial(DenyReason.STALE_INTENT,
          "intent is " + age + " ms old, limit " + MAX_AGE_MS + " ms"));
    }
    return Optional.empty();
  }
}
