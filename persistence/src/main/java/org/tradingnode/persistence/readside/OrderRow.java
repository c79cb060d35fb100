package org.tradingnode.persistence.readside;

import org.tradingnode.core.domain.order.Order;

/**
 * One order of the read side and the sequence number of the last event of its strategy applied to it:
 * an event at or below that number was applied already and is skipped when delivered again.
 */
public record OrderRow(Order order, long eventSeq) {

  public String strategyId() {
    return order.intent().strategyId();
  }
}
