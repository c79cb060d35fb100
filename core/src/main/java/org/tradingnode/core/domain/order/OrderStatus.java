package org.tradingnode.core.domain.order;

/** The lifecycle of an order; the last four are final. */
public enum OrderStatus {
  NEW,
  ACCEPTED,
  PARTIALLY_FILLED,
  FILLED,
  CANCELED,
  REJECTED,
  EXPIRED;

  public boolean isFinal() {
    return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
  }
}
