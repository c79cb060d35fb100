package org.tradingnode.core.domain.risk;

import java.util.List;
import java.util.Optional;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.OrderIntent;

/**
 * Checks an intent against the trading mode and then every rule, in a fixed order; the first rule
 * that objects decides. HALTED and MAINTENANCE deny everything, except that HALTED lets an operator's
 * flatten order through (reduce-only, tagged flatten, reducing the position; the rules still apply);
 * SAFE_MODE denies anything that does not reduce a position.
 */
public final class RiskEngine {
  private final List<RiskRule> rules;

  public RiskEngine(List<RiskRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** All rules of the house, cheapest first. */
  public static RiskEngine standard() {
    return new RiskEngine(List.of(
        new IntentAgeRule(),
        new MaxOrderNotionalRule(),
        new PriceBandRule(),
        new MaxOpenOrdersRule(),
        new MaxOrderRateRule(),
        new MaxPositionNotionalRule(),
        new MaxGrossExposureRule(),
        new DailyLossLimitRule()));
  }

  public RiskDecision evaluate(OrderIntent intent, TradingMode mode, AccountExposure exposure, RiskLimits limits,
      long now) {
    boolean reduces = exposure.reducesPosition(intent);
    boolean flattenWhileHalted = mode == TradingMode.HALTED && intent.isFlatten() && reduces;
    if ((mode == TradingMode.HALTED || mode == TradingMode.SHUTDOWN) && !flattenWhileHalted) {
      return new RiskDecision.Denied(DenyReason.TRADING_HALTED, "trading is halted");
    }
    if (mode == TradingMode.MAINTENANCE || mode == TradingMode.INITIALIZING) {
      return new RiskDecision.Denied(DenyReason.MAINTENANCE, "trading mode is " + mode);
    }
    if (intent.reduceOnly() && !reduces) {
      return new RiskDecision.Denied(DenyReason.REDUCE_ONLY_VIOLATION,
          "reduce-only order would not reduce the " + intent.symbol() + " position");
    }
    if (mode == TradingMode.SAFE_MODE && !reduces) {
      return new RiskDecision.Denied(DenyReason.SAFE_MODE_REDUCE_ONLY, "safe mode lets only reducing orders pass");
    }
    for (RiskRule rule : rules) {
      Optional<RiskRule.Denial> denial = rule.check(intent, exposure, limits, now);
      if (denial.isPresent()) {
        return new RiskDecision.Denied(denial.get().reason(), denial.get().detail());
      }
    }
    return new RiskDecision.Approved();
  }
}
