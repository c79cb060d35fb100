package org.tradingnode.core.entity;

import org.tradingnode.core.domain.mode.TradingMode;

/** Conditions reported to the safety coordinator, with the mode each one forces (if any). */
public enum Alert {
  DAILY_LOSS_LIMIT(TradingMode.SAFE_MODE),
  STRATEGY_FAILED(null),
  STRATEGY_PAUSED(null),
  JOURNAL_FAILURE(TradingMode.HALTED);

  private final TradingMode forcedMode;

  Alert(TradingMode forcedMode) {
    this.forcedMode = forcedMode;
  }

  /** The mode this alert moves the system to, or null when it is only recorded. */
  public TradingMode forcedMode() {
    return forcedMode;
  }
}
