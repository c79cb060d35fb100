package org.tradingnode.core.entity;

import java.util.List;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderChange;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.entity.ExchangeConnectionEntity.CancelRequested;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderAccepted;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderCanceled;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderEvent;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderExpired;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderFilled;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderRejected;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderSubmitted;

/**
 * How the exchange connection's order events read as order facts, both ways: the change an event
 * records ({@link OrderChange}, the domain's one rule for moving an order on) and the event that records
 * a closing venue report. The journal's event handler and the deciding of a write use the same reading.
 */
final class ConnectionEvents {
  private ConnectionEvents() {}

  /** What an event about an existing order changes; the same rule for the journal and for deciding a batch. */
  static OrderChange changeOf(OrderEvent event) {
    if (event instanceof OrderAccepted e) {
      return new OrderChange.Accepted(e.venueOrderId(), e.at(), e.fills());
    }
    if (event instanceof OrderFilled e) {
      return new OrderChange.Filled(List.of(e.fill()));
    }
    if (event instanceof OrderRejected e) {
      return new OrderChange.Closed(OrderStatus.REJECTED, e.reason() + ": " + e.detail(), e.at());
    }
    if (event instanceof OrderCanceled e) {
      return new OrderChange.Closed(OrderStatus.CANCELED, "canceled", e.at());
    }
    if (event instanceof OrderExpired e) {
      return new OrderChange.Closed(OrderStatus.EXPIRED, e.reason() == null ? "expired" : e.reason(), e.at());
    }
    throw new IllegalArgumentException("not a change of an existing order: " + event);
  }

  /** The order after one of its events. */
  static Order advance(Order order, OrderEvent event) {
    if (event instanceof OrderSubmitted e) {
      return Order.of(e.intent());
    }
    if (event instanceof CancelRequested) {
      return order;
    }
    return OrderChange.apply(order, changeOf(event));
  }

  /** The event that records a closing report (rejected, cancelled or expired). */
  static OrderEvent closing(VenueReport report) {
    if (report instanceof VenueReport.Rejected r) {
      return new OrderRejected(r.clientOrderId(), r.reason(), r.detail(), r.timestamp());
    }
    if (report instanceof VenueReport.Canceled c) {
      return new OrderCanceled(c.clientOrderId(), c.timestamp());
    }
    return new OrderExpired(report.clientOrderId(), report.timestamp(), ((VenueReport.Expired) report).reason());
  }
}
