package org.tradingnode.core.entity;

/** Lifecycle of a strategy as operators see it. */
public enum StrategyStatus {
  RUNNING,
  STOPPED,
  HALTED,
  FAILED
}
