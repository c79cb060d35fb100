package org.tradingnode.core.domain.risk;

/** Why risk refused an intent; each rule owns one code, the mode owns the last three. */
public enum DenyReason {
  MAX_ORDER_NOTIONAL,
  MAX_POSITION_NOTIONAL,
  MAX_GROSS_EXPOSURE,
  MAX_OPEN_ORDERS,
  PRICE_BAND,
  MAX_ORDER_RATE,
  DAILY_LOSS_LIMIT,
  REDUCE_ONLY_VIOLATION,
  STALE_INTENT,
  TRADING_HALTED,
  SAFE_MODE_REDUCE_ONLY,
  MAINTENANCE
}
