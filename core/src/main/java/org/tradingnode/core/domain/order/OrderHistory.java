package org.tradingnode.core.domain.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the venue said about an order, rebuilt from the order as recorded and its fills: its acceptance,
 * each fill, and how it ended. Told again to a strategy that asks after a restart; it drops what it
 * already knows ({@link OrderChange}).
 */
public final class OrderHistory {
  private OrderHistory() {}

  public static List<VenueReport> reportsOf(Order order, List<Fill> fills) {
    List<VenueReport> reports = new ArrayList<>();
    if (order.venueOrderId() != null) {
      reports.add(new VenueReport.Accepted(order.clientOrderId(), order.venueOrderId(), order.updatedAt()));
    }
    fills.forEach(fill -> reports.add(new VenueReport.Filled(fill)));
    switch (order.status()) {
      case CANCELED -> reports.add(new VenueReport.Canceled(order.clientOrderId(), order.updatedAt()));
      case EXPIRED -> reports.add(new VenueReport.Expired(order.clientOrderId(), order.updatedAt(), order.reason()));
      case REJECTED -> reports.add(new VenueReport.Rejected(order.clientOrderId(), rejectReasonOf(order),
          String.valueOf(order.reason()), order.updatedAt()));
      default -> { }
    }
    return reports;
  }

  /**
   * Reconciliation after a (re)connection: the closing report of each order we hold open that the venue
   * neither holds nor reported. One it never acknowledged is rejected as not at the venue; one it had
   * acknowledged (and no longer knows, e.g. after its history was purged) can no longer be rejected, so
   * it is closed as expired.
   */
  public static List<VenueReport> closingUnmatched(List<Order> open, Set<String> atVenue, long now) {
    List<VenueReport> closing = new ArrayList<>();
    for (Order order : open) {
      if (atVenue.contains(order.clientOrderId())) {
        continue;
      }
      closing.add(order.status() == OrderStatus.NEW
          ? new VenueReport.Rejected(order.clientOrderId(), VenueRejectReason.NOT_AT_VENUE,
              "sent before a restart and not held by the venue", now)
          : new VenueReport.Expired(order.clientOrderId(), now,
              "NOT_AT_VENUE: acknowledged before a restart and no longer known to the venue"));
    }
    return closing;
  }

  /** The reason an order was rejected for, from the reason recorded with it ({@code REASON: detail}). */
  static VenueRejectReason rejectReasonOf(Order order) {
    String reason = String.valueOf(order.reason());
    for (VenueRejectReason r : VenueRejectReason.values()) {
      if (reason.startsWith(r.name())) {
        return r;
      }
    }
    return VenueRejectReason.NOT_AT_VENUE;
  }
}
