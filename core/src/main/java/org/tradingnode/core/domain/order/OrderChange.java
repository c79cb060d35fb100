package org.tradingnode.core.domain.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a venue report changes about an order we still track, with what we already know dropped: the
 * one mapping from venue reports to order facts that the exchange connection, the strategy and the
 * backtester share. A report about a closed order changes nothing; an acceptance of an order already
 * accepted counts only for the fills it carries; a fill counts once.
 */
public sealed interface OrderChange {

  /** The venue took the order, with what traded in the same answer (possibly nothing). */
  record Accepted(String venueOrderId, long at, List<Fill> fills) implements OrderChange {
    public Accepted {
      fills = List.copyOf(fills);
    }
  }

  /** Part or all of the order traded. */
  record Filled(List<Fill> fills) implements OrderChange {
    public Filled {
      fills = List.copyOf(fills);
    }
  }

  /** The order ended without filling completely. */
  record Closed(OrderStatus status, String reason, long at) implements OrderChange {}

  /**
   * The change the report makes to {@code order} (null when we do not hold it); {@code isNewFill} says
   * whether the holder has recorded a fill already.
   */
  static Optional<OrderChange> of(Order order, VenueReport report, Predicate<Fill> isNewFill) {
    if (order == null || !order.isOpen()) {
      return Optional.empty();
    }
    if (report instanceof VenueReport.Accepted a) {
      List<Fill> fills = newFills(a.fills(), isNewFill);
      if (order.status() == OrderStatus.NEW) {
        return Optional.of(new Accepted(a.venueOrderId(), a.timestamp(), fills));
      }
      return fills.isEmpty() ? Optional.empty() : Optional.of(new Filled(fills));
    }
    if (report instanceof VenueReport.Filled f) {
      return isNewFill.test(f.fill()) ? Optional.of(new Filled(List.of(f.fill()))) : Optional.empty();
    }
    if (report instanceof VenueReport.Rejected r) {
      return Optional.of(new Closed(OrderStatus.REJECTED, r.reason() + ": " + r.detail(), r.timestamp()));
    }
    if (report instanceof VenueReport.Canceled c) {
      return Optional.of(new Closed(OrderStatus.CANCELED, "canceled", c.timestamp()));
    }
    VenueReport.Expired x = (VenueReport.Expired) report;
    return Optional.of(new Closed(OrderStatus.EXPIRED, x.reasonOrDefault(), x.timestamp()));
  }

  /** The order after the change. */
  static Order apply(Order order, OrderChange change) {
    if (change instanceof Accepted a) {
      return fill(order.accept(a.venueOrderId(), a.at()), a.fills());
    }
    if (change instanceof Filled f) {
      return fill(order, f.fills());
    }
    Closed c = (Closed) change;
    return order.close(c.status(), c.reason(), c.at());
  }

  private static Order fill(Order order, List<Fill> fills) {
    Order after = order;
    for (Fill fill : fills) {
      after = after.fill(fill);
    }
    return after;
  }

  private static List<Fill> newFills(List<Fill> fills, Predicate<Fill> isNewFill) {
    List<Fill> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Fill fill : fills) {
      if (seen.add(fill.fillId()) && isNewFill.test(fill)) {
        result.add(fill);
      }
    }
    return result;
  }
}
