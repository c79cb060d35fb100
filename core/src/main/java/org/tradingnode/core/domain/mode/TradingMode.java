package org.tradingnode.core.domain.mode;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The system-wide trading mode and the transitions allowed between modes. SAFE_MODE lets only
 * reduce-only orders through; HALTED means no strategy runs and no new order is approved.
 */
public enum TradingMode {
  INITIALIZING,
  RUNNING,
  SAFE_MODE,
  MAINTENANCE,
  HALTED,
  SHUTDOWN;

  private static final Map<TradingMode, Set<TradingMode>> ALLOWED = Map.of(
      INITIALIZING, EnumSet.of(RUNNING, HALTED, MAINTENANCE, SHUTDOWN),
      RUNNING, EnumSet.of(SAFE_MODE, MAINTENANCE, HALTED, SHUTDOWN),
      SAFE_MODE, EnumSet.of(RUNNING, MAINTENANCE, HALTED, SHUTDOWN),
      MAINTENANCE, EnumSet.of(RUNNING, SAFE_MODE, HALTED, SHUTDOWN),
      HALTED, EnumSet.of(RUNNING, MAINTENANCE, SHUTDOWN),
      SHUTDOWN, EnumSet.of(INITIALIZING));

  public boolean canChangeTo(TradingMode target) {
    return ALLOWED.get(this).contains(target);
  }

  /** Whether strategy runners may exist in this mode. */
  public boolean allowsRunners() {
    return this == RUNNING || this == SAFE_MODE;
  }

  /** Whether an order that increases exposure may be approved in this mode. */
  public boolean allowsNewExposure() {
    return this == RUNNING;
  }
}
