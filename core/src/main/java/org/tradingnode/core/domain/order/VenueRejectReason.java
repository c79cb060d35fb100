package org.tradingnode.core.domain.order;

/** Why a venue (or the connection in front of it) refused an order. */
public enum VenueRejectReason {
  UNKNOWN_SYMBOL,
  INVALID_QUANTITY,
  INVALID_LOT,
  INVALID_TICK,
  BELOW_MIN_NOTIONAL,
  INSUFFICIENT_BALANCE,
  NO_MARKET_DATA,
  DUPLICATE_CLIENT_ORDER_ID,
  NOT_AT_VENUE,
  /** The venue refused it for a reason of its own; the detail holds its code and message. */
  VENUE_REFUSED,
  /** Refused locally: the system was halted between risk approval and placement. */
  TRADING_HALTED
}
