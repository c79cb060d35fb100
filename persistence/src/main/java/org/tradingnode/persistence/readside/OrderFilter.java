package org.tradingnode.persistence.readside;

import java.util.EnumSet;
import java.util.Set;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;

/**
 * Which orders a query wants: of one strategy and/or one account (null for any) in any of the statuses.
 */
public record OrderFilter(String strategyId, String account, Set<OrderStatus> statuses) {

  public OrderFilter {
    statuses = Set.copyOf(statuses);
  }

  /** Every order. */
  public static OrderFilter all() {
    return new OrderFilter(null, null, EnumSet.allOf(OrderStatus.class));
  }

  public boolean matches(Order order) {
    return (strategyId == null || strategyId.equals(order.intent().strategyId()))
        && (account == null || account.equals(order.intent().account()))
        && statuses.contains(order.status());
  }
}
