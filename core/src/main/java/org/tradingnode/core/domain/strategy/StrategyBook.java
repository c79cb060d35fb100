package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * A strategy's working orders, positions and take-profit cycles: what it needs to decide, and no
 * history. An order leaves the book when it closes; what remains of it is a count in {@link #counts()}
 * and, for the last {@link #RECENTLY_CLOSED} orders, a copy in {@link #recentlyClosed()}. Every closed
 * order stays in the journal and the read side. The book is therefore bounded by the orders that are
 * open, whatever the strategy traded before.
 *
 * <p>Immutable. Fills are recorded once by fill id while their order is open; a report about an order
 * that is no longer open (a fill reported again by reconciliation, a late cancel) changes nothing.
 * Client order ids come from {@link #nextSequence()} and are never issued twice, so the strategy needs
 * no memory of closed ids to stay free of duplicates.
 *
 * @param nextSequence the sequence number of the next client order id
 * @param orders the orders that are not final yet, by client order id
 * @param fillIds fill ids already recorded, per open order
 * @param cycles per symbol, what happened since the position was last flat
 * @param counts how many orders were intended and how each closed
 * @param recentlyClosed the last closed orders, oldest first, at most {@link #RECENTLY_CLOSED}
 */
public record StrategyBook(
    long nextSequence,
    Map<String, Order> orders,
    Map<String, List<String>> fillIds,
    Map<String, Position> positions,
    Map<String, Cycle> cycles,
    OrderCounts counts,
    List<Order> recentlyClosed)
    implements CborSerializable {

  /** How many closed orders the book keeps for the strategy's details. */
  public static final int RECENTLY_CLOSED = 20;

  /** Quantity bought into the position since it was last flat, and the tags of the orders that filled. */
  public record Cycle(BigDecimal entryQuantity, Set<String> tags) implements CborSerializable {
    public Cycle {
      tags = Set.copyOf(tags);
    }

    static final Cycle EMPTY = new Cycle(BigDecimal.ZERO, Set.of());
  }

  /**
   * Copies the maps. A book written before closed orders left it (no {@code counts}) is brought to the
   * current form: its closed orders become counts and the most recent of them stay for the details.
   */
  public StrategyBook {
    fillIds = Map.copyOf(fillIds);
    positions = Map.copyOf(positions);
    cycles = Map.copyOf(cycles);
    if (counts == null) {
      List<Order> closed = orders.values().stream().filter(o -> !o.isOpen()).sorted(Order.BY_CREATION).toList();
      counts = OrderCounts.NONE.withIntended(nextSequence - 1);
      for (Order o : closed) {
        counts = counts.withClosed(o.status());
      }
      recentlyClosed = closed.subList(Math.max(0, closed.size() - RECENTLY_CLOSED), closed.size());
      Map<String, Order> open = new HashMap<>();
      orders.values().stream().filter(Order::isOpen).forEach(o -> open.put(o.clientOrderId(), o));
      orders = open;
    }
    orders = Map.copyOf(orders);
    recentlyClosed = recentlyClosed == null ? List.of() : List.copyOf(recentlyClosed);
  }

  public static StrategyBook empty() {
    return new StrategyBook(1, Map.of(), Map.of(), Map.of(), Map.of(), OrderCounts.NONE, List.of());
  }

  /**
   * An empty book for a strategy created again under the id of a deleted one: its client order ids go on
   * from the deleted one's, so none is ever issued twice.
   */
  public StrategyBook emptiedForReuse() {
    return new StrategyBook(nextSequence, Map.of(), Map.of(), Map.of(), Map.of(), OrderCounts.NONE, List.of());
  }

  /** True when no order is open and every position is flat. */
  public boolean isIdle() {
    return orders.isEmpty() && positions.values().stream().allMatch(Position::isFlat);
  }

  /**
   * How many of the last closed orders, created at or after {@code since}, were refused in a row (by risk
   * or the venue), up to {@link #RECENTLY_CLOSED}.
   */
  public int refusedInARow(long since) {
    int refused = 0;
    for (int i = recentlyClosed.size() - 1; i >= 0; i--) {
      Order order = recentlyClosed.get(i);
      if (order.status() != OrderStatus.REJECTED || order.intent().createdAt() < since) {
        break;
      }
      refused++;
    }
    return refused;
  }

  public List<Order> openOrders() {
    return orders.values().stream().sorted(Order.BY_CREATION).toList();
  }

  /** The open order, or a recently closed one; empty when the book no longer holds it. */
  public Optional<Order> order(String clientOrderId) {
    Order open = orders.get(clientOrderId);
    if (open != null) {
      return Optional.of(open);
    }
    return recentlyClosed.stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst();
  }

  /** The order when it is still open, else null. */
  public Order openOrder(String clientOrderId) {
    return orders.get(clientOrderId);
  }

  public Position position(String symbol) {
    return positions.getOrDefault(symbol, Position.flat(symbol));
  }

  public SymbolView view(String symbol) {
    Position p = position(symbol);
    Cycle cycle = cycles.getOrDefault(symbol, Cycle.EMPTY);
    return new SymbolView(symbol, p.quantity(), p.averageEntryPrice(), cycle.entryQuantity(), cycle.tags(),
        workingOrders(symbol));
  }

  public boolean hasWorkingOrder(String symbol) {
    return workingOrders(symbol) > 0;
  }

  private int workingOrders(String symbol) {
    int working = 0;
    for (Order o : orders.values()) {
      if (o.intent().symbol().equals(symbol)) {
        working++;
      }
    }
    return working;
  }

  /**
   * The intents the proposals become, with client order ids from {@link #nextSequence()} on: none for a
   * symbol that already has a working order (or got one from an earlier proposal of the same call).
   */
  public List<OrderIntent> intentsFor(StrategyConfig config, List<IntentProposal> proposals, long now) {
    List<OrderIntent> intents = new ArrayList<>();
    StrategyBook book = this;
    for (IntentProposal p : proposals) {
      if (book.hasWorkingOrder(p.symbol())) {
        continue;
      }
      OrderIntent intent = new OrderIntent(OrderIntent.clientOrderId(config.id(), book.nextSequence()), config.id(),
          config.account(), config.exchange(), p.symbol(), p.side(), p.type(), p.quantity(), p.limitPrice(),
          p.referencePrice(), p.reduceOnly(), p.tag(), now);
      intents.add(intent);
      book = book.withIntent(intent);
    }
    return intents;
  }

  /**
   * Open orders without news since {@code before}: intents nobody answered since they were made, and
   * orders the venue took that have not changed since; the oldest first.
   */
  public List<Order> quietSince(long before) {
    return openOrders().stream().filter(order -> order.status() == OrderStatus.NEW
        ? order.intent().createdAt() <= before : order.updatedAt() <= before).toList();
  }

  public StrategyBook withIntent(OrderIntent intent) {
    Map<String, Order> next = new HashMap<>(orders);
    next.put(intent.clientOrderId(), Order.of(intent));
    Map<String, List<String>> ids = new HashMap<>(fillIds);
    ids.put(intent.clientOrderId(), List.of());
    return new StrategyBook(nextSequence + 1, next, ids, positions, cycles, counts.withIntended(1), recentlyClosed);
  }

  public StrategyBook withAccepted(String clientOrderId, String venueOrderId, long at) {
    Order order = orders.get(clientOrderId);
    if (order == null) {
      return this;
    }
    return withOrder(order.accept(venueOrderId, at), fillIds);
  }

  /**
   * The venue took the order, with the fills of the same answer; {@code moneyScale} gives the scale of a
   * symbol's money amounts.
   */
  public StrategyBook withAccepted(String clientOrderId, String venueOrderId, long at, List<Fill> fills,
      ToIntFunction<String> moneyScale) {
    StrategyBook book = withAccepted(clientOrderId, venueOrderId, at);
    for (Fill fill : fills) {
      book = book.withFill(fill, moneyScale.applyAsInt(fill.symbol()));
    }
    return book;
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
    return withOrder(filled, ids, pos, cyc, counts.withFill());
  }

  public StrategyBook withClosed(String clientOrderId, OrderStatus status, String reason, long at) {
    Order order = orders.get(clientOrderId);
    if (order == null) {
      return this;
    }
    Map<String, List<String>> ids = new HashMap<>(fillIds);
    ids.remove(clientOrderId);
    return withOrder(order.close(status, reason, at), ids);
  }

  /** Puts the order in the book while it is open; a closed one leaves it for the counts and the recent list. */
  private StrategyBook withOrder(Order order, Map<String, List<String>> ids) {
    return withOrder(order, ids, positions, cycles, counts);
  }

  /** As {@link #withOrder(Order, Map)}, with the positions, cycles and counts a fill left: one copy per event. */
  private StrategyBook withOrder(Order order, Map<String, List<String>> ids, Map<String, Position> positions,
      Map<String, Cycle> cycles, OrderCounts counts) {
    Map<String, Order> next = new HashMap<>(orders);
    if (order.isOpen()) {
      next.put(order.clientOrderId(), order);
      return new StrategyBook(nextSequence, next, ids, positions, cycles, counts, recentlyClosed);
    }
    next.remove(order.clientOrderId());
    List<Order> recent = new ArrayList<>(recentlyClosed);
    recent.add(order);
    if (recent.size() > RECENTLY_CLOSED) {
      recent.remove(0);
    }
    return new StrategyBook(nextSequence, next, ids, positions, cycles, counts.withClosed(order.status()), recent);
  }
}
