package org.tradingnode.core.domain.order;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * An order and where it is in its lifecycle. Transitions return a new order; an illegal transition
 * (e.g. a fill after a cancel) throws, because it means the caller lost track of the order.
 */
public record Order(
    OrderIntent intent,
    OrderStatus status,
    BigDecimal filledQuantity,
    BigDecimal averagePrice,
    BigDecimal fees,
    String venueOrderId,
    String reason,
    long updatedAt)
    implements CborSerializable {

  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED =
      Map.of(
          OrderStatus.NEW, EnumSet.of(OrderStatus.ACCEPTED, OrderStatus.REJECTED, OrderStatus.PARTIALLY_FILLED,
              OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.EXPIRED),
          OrderStatus.ACCEPTED, EnumSet.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.CANCELED,
              OrderStatus.EXPIRED),
          OrderStatus.PARTIALLY_FILLED, EnumSet.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
              OrderStatus.CANCELED, OrderStatus.EXPIRED));

  /** Oldest intent first; ties broken by client order id. */
  public static final java.util.Comparator<Order> BY_CREATION =
      java.util.Comparator.comparingLong((Order o) -> o.intent().createdAt()).thenComparing(Order::clientOrderId);

  public static Order of(OrderIntent intent) {
    return new Order(intent, OrderStatus.NEW, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null,
        intent.createdAt());
  }

  public String clientOrderId() {
    return intent.clientOrderId();
  }

  public BigDecimal remainingQuantity() {
    return intent.quantity().subtract(filledQuantity);
  }

  public boolean isOpen() {
    return !status.isFinal();
  }

  public static boolean isAllowed(OrderStatus from, OrderStatus to) {
    return ALLOWED.getOrDefault(from, Set.of()).contains(to);
  }

  public Order accept(String venueOrderId, long at) {
    if (status != OrderStatus.NEW) {
      return this;
    }
    return new Order(intent, OrderStatus.ACCEPTED, filledQuantity, averagePrice, fees, venueOrderId, reason, at);
  }

  public Order fill(Fill fill) {
    BigDecimal newFilled = filledQuantity.add(fill.quantity());
    if (newFilled.compareTo(intent.quantity()) > 0) {
      throw new IllegalStateException("overfill of " + clientOrderId() + ": " + newFilled + " > " + intent.quantity());
    }
    OrderStatus next = newFilled.compareTo(intent.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    requireAllowed(next);
    BigDecimal newAverage = averagePrice.multiply(filledQuantity).add(fill.notional())
        .divide(newFilled, MathContext.DECIMAL64).stripTrailingZeros();
    return new Order(intent, next, newFilled, newAverage, fees.add(fill.fee()), venueOrderId, reason, fill.timestamp());
  }

  public Order close(OrderStatus finalStatus, String why, long at) {
    if (!finalStatus.isFinal() || finalStatus == OrderStatus.FILLED) {
      throw new IllegalArgumentException("not a closing status: " + finalStatus);
    }
    if (status.isFinal()) {
      return this;
    }
    requireAllowed(finalStatus);
    return new Order(intent, finalStatus, filledQuantity, averagePrice, fees, venueOrderId, why, at);
  }

  private void requireAllowed(OrderStatus next) {
    if (!isAllowed(status, next)) {
      throw new IllegalStateException(clientOrderId() + ": " + status + " -> " + next + " is not allowed");
    }
  }
}
