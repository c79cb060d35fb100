package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * A strategy's own orders, positions and take-profit cycles. Immutable; fills are recorded once by
 * fill id, so a fill reported twice (live and again on reconciliation) changes nothing the second time.
 *
 * @param nextSequence the sequence number of the next client order id
 * @param fillIds fill ids already recorded, per order that is still open
 * @param cycles per symbol, what happened since the position was last flat
 */
public record StrategyBook(
    long nextSequence,
    Map<String, Order> orders,
    Map<String, List<String>> fillIds,
    Map<String, Position> positions,
    Map<String, Cycle> cycles)
    implements CborSerializable {

  /** Quantity bought into the position since it was last flat, and the tags of the orders that filled. */
  public record Cycle(BigDecimal entryQuantity, Set<String> tags) implements CborSerializable {
    public Cycle {
      tags = Set.copyOf(tags);
    }

    static final Cycle EMPTY = new Cycle(BigDecimal.ZERO, Set.of());
  }

  public StrategyBook {
    orders = Map.copyOf(orders);
    fillIds = Map.copyOf(fillIds);
    positions = Map.copyOf(positions);
    cycles = Map.copyOf(cycles);
  }

  public static StrategyBook empty() {
    return new StrategyBook(1, Map.of(), Map.of(), Map.of(), Map.of());
  }

  public List<Order> openOrders() {
    return orders.values().stream().filter(Order::isOpen).toList();
  }

  public Position position(String symbol) {
    return positions.getOrDefault(symbol, Position.flat(symbol));
  }

  public SymbolView view(String symbol) {
    Position p = position(symbol);
    Cycle cycle = cycles.getOrDefault(symbol, Cycle.EMPTY);
    int working = (int) orders.values().stream()
        .filter(o -> o.isOpen() && o.intent().symbol().equals(symbol)).count();
    return new SymbolView(symbol, p.quantity(), p.averageEntryPrice(), cycle.entryQuantity(), cycle.tags(), working);
  }

  public boolean hasWorkingOrder(String symbol) {
    return view(symbol).workingOrders() > 0;
  }

  public StrategyBook withIntent(OrderIntent intent) {
    Map<String, Order> next = new HashMap<>(orders);
    next.put(intent.clientOrderId(), Order.of(intent));
    Map<String, List<String>> ids = new HashMap<>(fillIds);
    ids.put(intent.clientOrderId(), List.of());
    return new StrategyBook(nextSequence + 1, next, ids, positions, cycles);
  }

  public StrategyBook withAccepted(String clientOrderId, String venueOrderId, long at) {
    Order order = orders.get(clientOrderId);
    if (order == null) {
      return this;
    }
    return withOrder(order.accept(venueOrderId, at), fillIds);
  }

  /** True when this fill belongs to an open order and was not recorded yet. */
  public boolean isNewFill(Fill fill) {
    List<String> ids = fillIds.get(fill.clientOrderId());
    return ids != null && !ids.contains(fill.fillId());
  }

  public StrategyBook withFill(Fill fill, int moneyScale) {
    Order order = orders.get(fill.clientOrderId());
    if (order == null || !isNewFill(fill)) {
      return this;
    }
    Order filled = order.fill(fill);
    Map<String, List<String>> ids = new HashMap<>(fillIds);
    if (filled.isOpen()) {
      List<String> recorded = new ArrayList<>(ids.get(fill.clientOrderId()));
      recorded.add(fill.fillId());
      ids.put(fill.clientOrderId(), List.copyOf(recorded));
    } else {
      ids.remove(fill.clientOrderId());
    }
    Position before = position(fill.symbol());
    Position after = before.apply(fill, moneyScale);
    Map<String, Position> pos = new HashMap<>(positions);
    pos.put(fill.symbol(), after);
    Map<String, Cycle> cyc = new HashMap<>(cycles);
    if (after.isFlat()) {
      cyc.remove(fill.symbol());
    } else {
      Cycle cycle = before.isFlat() ? Cycle.EMPTY : cycles.getOrDefault(fill.symbol(), Cycle.EMPTY);
      BigDecimal entry = fill.side() == Side.BUY ? cycle.entryQuantity().add(fill.quantity()) : cycle.entryQuantity();
      Set<String> tags = new HashSet<>(cycle.tags());
      if (order.intent().tag() != null) {
        tags.add(order.intent().tag());
      }
      cyc.put(fill.symbol(), new Cycle(entry, tags));
    }
    Map<String, Order> next = new HashMap<>(orders);
    next.put(filled.clientOrderId(), filled);
    return new StrategyBook(nextSequence, next, ids, pos, cyc);
  }

  public StrategyBook withClosed(String clientOrderId, OrderStatus status, String reason, long at) {
    Order order = orders.get(clientOrderId);
    if (order == null || !order.isOpen()) {
      return this;
    }
    Map<String, List<String>> ids = new HashMap<>(fillIds);
    ids.remove(clientOrderId);
    return withOrder(order.close(status, reason, at), ids);
  }

  private StrategyBook withOrder(Order order, Map<String, List<String>> ids) {
    Map<String, Order> next = new HashMap<>(orders);
    next.put(order.clientOrderId(), order);
    return new StrategyBook(nextSequence, next, ids, positions, cycles);
  }
}
