package org.tradingnode.core.domain.order;

/** How an order meets the book: at any price, resting at a limit, or immediate-or-cancel at a limit. */
public enum OrderType {
  MARKET,
  LIMIT,
  IOC
}
