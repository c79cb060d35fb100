package org.tradingnode.core.entity;

/** Lifecycle of a strategy as operators see it. */
public enum StrategyStatus {
  RUNNING,
  STOPPED,
  HALTED,
  FAILED,
  /** Deleted by an operator once stopped and flat; its history stays in the journal and the read side. */
  DELETED
}
