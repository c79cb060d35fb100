package org.tradingnode.core.entity;

import java.util.List;
import java.util.function.ToIntFunction;
import org.tradingnode.core.domain.order.OrderChange;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.strategy.StrategyBook;
import org.tradingnode.core.entity.StrategyEntity.Event;
import org.tradingnode.core.entity.StrategyEntity.OrderAccepted;
import org.tradingnode.core.entity.StrategyEntity.OrderClosed;
import org.tradingnode.core.entity.StrategyEntity.OrderFilled;

/**
 * How a strategy records what the venue reported about one of its orders: the domain's one rule for
 * moving an order on ({@link OrderChange}, which the connection applies too), as this strategy's events.
 */
final class StrategyEvents {
  private StrategyEvents() {}

  /**
   * The events that record the report, with the money scale of the fills' symbol; none when it changes
   * nothing (a repeat, an order not open).
   */
  static List<Event> forReport(StrategyBook book, VenueReport report, ToIntFunction<String> moneyScale) {
    String cid = report.clientOrderId();
    OrderChange change = OrderChange.of(book.openOrder(cid), report, book::isNewFill).orElse(null);
    if (change instanceof OrderChange.Accepted a) {
      Integer scale = a.fills().isEmpty() ? null : moneyScale.applyAsInt(a.fills().get(0).symbol());
      return List.of(new OrderAccepted(cid, a.venueOrderId(), a.at(), a.fills(), scale));
    }
    if (change instanceof OrderChange.Filled f) {
      return f.fills().stream().<Event>map(fill -> new OrderFilled(fill, moneyScale.applyAsInt(fill.symbol())))
          .toList();
    }
    if (change instanceof OrderChange.Closed c) {
      return List.of(new OrderClosed(cid, c.status(), c.reason(), c.at()));
    }
    return List.of();
  }
}
