package org.tradingnode.core.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderLedger;
import org.tradingnode.core.entity.ExchangeConnectionEntity.Event;
import org.tradingnode.core.entity.ExchangeConnectionEntity.State;

/**
 * One write of an exchange connection being decided: the events so far, what to do once they are
 * stored, and the connection's orders as those events leave them (without touching the entity's
 * state, which only the journal's event handler changes).
 */
final class ConnectionBatch {
  private final State state;
  private final List<Event> events = new ArrayList<>();
  private final List<Consumer<State>> effects = new ArrayList<>();
  private final Map<String, Order> touched = new LinkedHashMap<>();
  private final Set<String> newFillIds = new HashSet<>();
  private TradingMode mode;

  ConnectionBatch(State state) {
    this.state = state;
    this.mode = state.mode();
  }

  List<Event> events() {
    return events;
  }

  List<Consumer<State>> effects() {
    return effects;
  }

  TradingMode mode() {
    return mode;
  }

  Order order(String clientOrderId) {
    Order order = touched.get(clientOrderId);
    return order != null ? order : state.ledger().order(clientOrderId).orElse(null);
  }

  /** The ledger as stored before this write. */
  OrderLedger ledger() {
    return state.ledger();
  }

  /** Every open order as this write leaves it. */
  List<Order> openOrders() {
    return openOrdersWhere(order -> true);
  }

  /** The strategy's open orders as this write leaves them. */
  List<Order> openOrdersOf(String strategyId) {
    return openOrdersWhere(order -> order.intent().strategyId().equals(strategyId));
  }

  /** Open orders as this write leaves them: the stored ones in their order, then those this write added. */
  private List<Order> openOrdersWhere(Predicate<Order> wanted) {
    List<Order> result = new ArrayList<>();
    Set<String> stored = new HashSet<>();
    for (Order storedOrder : state.openOrders()) {
      stored.add(storedOrder.clientOrderId());
      Order order = order(storedOrder.clientOrderId());
      if (order.isOpen() && wanted.test(order)) {
        result.add(order);
      }
    }
    touched.forEach((id, order) -> {
      if (!stored.contains(id) && order.isOpen() && wanted.test(order)) {
        result.add(order);
      }
    });
    return result;
  }

  /** True when the order was sent to the venue by an earlier write (not by this one). */
  boolean placedBefore(Order order) {
    return state.ledger().order(order.clientOrderId()).map(Order::isOpen).orElse(false);
  }

  boolean isNewFill(Fill fill) {
    Order order = order(fill.clientOrderId());
    return order != null && order.isOpen() && !newFillIds.contains(fill.fillId())
        && !state.ledger().hasFill(fill);
  }

  /** Adds the event; returns the order it is about as it now stands (null for account events). */
  Order add(Event event) {
    events.add(event);
    if (event instanceof ExchangeConnectionEntity.ModeApplied m) {
      mode = m.mode();
      return null;
    }
    if (event instanceof ExchangeConnectionEntity.OrderFilled f) {
      newFillIds.add(f.fill().fillId());
    } else if (event instanceof ExchangeConnectionEntity.OrderAccepted a) {
      a.fills().forEach(fill -> newFillIds.add(fill.fillId()));
    }
    ExchangeConnectionEntity.OrderEvent orderEvent = (ExchangeConnectionEntity.OrderEvent) event;
    Order next = ConnectionEvents.advance(order(orderEvent.clientOrderId()), orderEvent);
    touched.put(orderEvent.clientOrderId(), next);
    return next;
  }

  /** Runs once the events are stored, with the state they produced. */
  void afterwards(Consumer<State> effect) {
    effects.add(effect);
  }
}
