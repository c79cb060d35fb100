package org.tradingnode.core.domain.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * The orders of one venue account as its connection needs them: every open order with its fills, and a
 * window of recently closed ones. Bounded by the open orders plus the window, whatever the account
 * traded before; the rest of the history is in the journal.
 *
 * <p>The guarantee against sending an order twice does not depend on remembering every id. Client order
 * ids are {@code strategyId-sequence}; when a closed order leaves the window, the ledger raises the
 * strategy's floor to its sequence. So every client order id the ledger ever saw is either held here or
 * at or below its strategy's floor: {@link #lookup} answers {@link Lookup#HELD}, {@link Lookup#NEW} or
 * {@link Lookup#ARCHIVED}, and only a {@code NEW} id may be sent. An {@code ARCHIVED} id may have been
 * sent long ago (or never, if risk refused it), so the journal is asked before anything else is done.
 *
 * <p>The ledger changes in place, because copying it on every event would make each write cost as much
 * as the whole window; {@link #copy()} gives the independent copy a snapshot needs.
 *
 * @param orders the open orders and the closed ones still in the window, by client order id
 * @param fills the fills of every order held, by client order id
 * @param closed the closed orders in the window, oldest first
 * @param floors per strategy, the highest sequence of its orders that left the window
 */
public record OrderLedger(
    Map<String, Order> orders,
    Map<String, List<Fill>> fills,
    LinkedHashSet<String> closed,
    Map<String, Long> floors)
    implements CborSerializable {

  /** How many closed orders the connection keeps unless configured otherwise. */
  public static final int DEFAULT_WINDOW = 2_000;

  /** What the ledger knows about a client order id. */
  public enum Lookup {
    /** Open, or closed within the window: answer from the ledger. */
    HELD,
    /** Never seen: may be sent. */
    NEW,
    /** At or below its strategy's floor: seen long ago or never; ask the journal. */
    ARCHIVED
  }

  public OrderLedger {
    orders = new HashMap<>(orders);
    Map<String, List<Fill>> fillsCopy = new HashMap<>();
    fills.forEach((id, list) -> fillsCopy.put(id, new ArrayList<>(list)));
    fills = fillsCopy;
    closed = closed == null ? new LinkedHashSet<>() : new LinkedHashSet<>(closed);
    floors = floors == null ? new HashMap<>() : new HashMap<>(floors);
  }

  public static OrderLedger empty() {
    return new OrderLedger(Map.of(), Map.of(), new LinkedHashSet<>(), Map.of());
  }

  /**
   * A ledger of an account that kept every order it ever had (as connections stored their state before
   * the ledger): the open orders and the {@code window} most recently closed ones with their fills.
   */
  public static OrderLedger ofEveryOrder(Collection<Order> orders, Map<String, List<Fill>> fills, int window) {
    OrderLedger ledger = empty();
    for (Order order : orders.stream().sorted(Order.BY_CREATION).toList()) {
      ledger.recordFills(fills.getOrDefault(order.clientOrderId(), List.of()), order, window);
    }
    return ledger;
  }

  /** An independent copy. */
  public OrderLedger copy() {
    return new OrderLedger(orders, fills, closed, floors);
  }

  public Lookup lookup(String clientOrderId, String strategyId) {
    if (orders.containsKey(clientOrderId)) {
      return Lookup.HELD;
    }
    Long floor = floors.get(strategyId);
    if (floor == null) {
      return Lookup.NEW;
    }
    OptionalLong sequence = sequenceOf(clientOrderId, strategyId);
    return sequence.isEmpty() || sequence.getAsLong() <= floor ? Lookup.ARCHIVED : Lookup.NEW;
  }

  /** The highest sequence of the strategy's orders that left the window; 0 when none has. */
  public long floor(String strategyId) {
    return floors.getOrDefault(strategyId, 0L);
  }

  public Optional<Order> order(String clientOrderId) {
    return Optional.ofNullable(orders.get(clientOrderId));
  }

  public List<Fill> fillsOf(String clientOrderId) {
    return fills.getOrDefault(clientOrderId, List.of());
  }

  /** The open orders, oldest first. */
  public List<Order> openOrders() {
    return orders.values().stream().filter(Order::isOpen).sorted(Order.BY_CREATION).toList();
  }

  /** Every order held, oldest first. */
  public List<Order> held() {
    return orders.values().stream().sorted(Order.BY_CREATION).toList();
  }

  public boolean hasFill(Fill fill) {
    return fillsOf(fill.clientOrderId()).stream().anyMatch(f -> f.fillId().equals(fill.fillId()));
  }

  /** Records the order as it now stands; a closed order enters the window, pushing the oldest out. */
  public OrderLedger record(Order order, int window) {
    orders.put(order.clientOrderId(), order);
    if (!order.isOpen() && closed.add(order.clientOrderId())) {
      evictBeyond(window);
    }
    return this;
  }

  /** Records a fill of an order and the order after it. */
  public OrderLedger recordFill(Fill fill, Order after, int window) {
    return recordFills(List.of(fill), after, window);
  }

  /** Records fills of an order (in the order they traded) and the order after them. */
  public OrderLedger recordFills(List<Fill> newFills, Order after, int window) {
    if (!newFills.isEmpty()) {
      fills.computeIfAbsent(after.clientOrderId(), id -> new ArrayList<>()).addAll(newFills);
    }
    return record(after, window);
  }

  private void evictBeyond(int window) {
    Iterator<String> oldest = closed.iterator();
    while (closed.size() > window && oldest.hasNext()) {
      String id = oldest.next();
      oldest.remove();
      Order gone = orders.remove(id);
      fills.remove(id);
      if (gone != null) {
        String strategyId = gone.intent().strategyId();
        floors.merge(strategyId, sequenceOf(id, strategyId).orElse(0L), Math::max);
      }
    }
  }

  /**
   * The sequence number of a client order id of the form {@code strategyId-sequence}; empty for an id of
   * another form, which is looked up in the journal once anything of its strategy left the window.
   */
  static OptionalLong sequenceOf(String clientOrderId, String strategyId) {
    String prefix = strategyId + "-";
    if (clientOrderId.startsWith(prefix)) {
      try {
        return OptionalLong.of(Long.parseLong(clientOrderId.substring(prefix.length())));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }
}
