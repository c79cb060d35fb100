package org.tradingnode.persistence.readside;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.portfolio.Position;

/**
 * Everything the read side holds, with decimals in a canonical form (a store may keep 60000.00 as
 * 6E+4), so that two reads compare equal exactly when they hold the same numbers.
 */
record ReadSideSnapshot(Map<String, Order> orders, Map<String, PositionRow> positions, Map<String, Fill> fills) {

  static ReadSideSnapshot of(TestNode node, ReadSideQueries queries, List<String> strategyIds) {
    return of(node.await(queries.orders(OrderFilter.all())), node.await(queries.positions(Optional.empty())),
        strategyIds.stream().flatMap(id -> node.await(queries.fills(id)).stream()).toList());
  }

  static ReadSideSnapshot of(List<Order> orders, List<PositionRow> positions, List<Fill> fills) {
    return new ReadSideSnapshot(
        orders.stream().map(ReadSideSnapshot::canonical)
            .collect(Collectors.toMap(Order::clientOrderId, o -> o, (a, b) -> a, TreeMap::new)),
        positions.stream().map(ReadSideSnapshot::canonical)
            .collect(Collectors.toMap(p -> p.strategyId() + "/" + p.symbol(), p -> p, (a, b) -> a, TreeMap::new)),
        fills.stream().map(ReadSideSnapshot::canonical)
            .collect(Collectors.toMap(f -> f.clientOrderId() + "/" + f.fillId(), f -> f, (a, b) -> a, TreeMap::new)));
  }

  Order order(String clientOrderId) {
    return orders.get(clientOrderId);
  }

  Position position(String strategyId, String symbol) {
    PositionRow row = positions.get(strategyId + "/" + symbol);
    return row == null ? null : row.position();
  }

  static Position canonical(Position p) {
    return new Position(p.symbol(), canonical(p.quantity()), canonical(p.averageEntryPrice()),
        canonical(p.realizedPnl()), canonical(p.fees()));
  }

  static Order canonical(Order o) {
    OrderIntent i = o.intent();
    OrderIntent intent = new OrderIntent(i.clientOrderId(), i.strategyId(), i.account(), i.exchange(), i.symbol(),
        i.side(), i.type(), canonical(i.quantity()), canonical(i.limitPrice()), canonical(i.referencePrice()),
        i.reduceOnly(), i.tag(), i.createdAt());
    return new Order(intent, o.status(), canonical(o.filledQuantity()), canonical(o.averagePrice()),
        canonical(o.fees()), o.venueOrderId(), o.reason(), o.updatedAt());
  }

  static BigDecimal canonical(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  private static PositionRow canonical(PositionRow row) {
    return new PositionRow(row.account(), row.strategyId(), canonical(row.position()), row.moneyScale(),
        row.eventSeq());
  }

  private static Fill canonical(Fill f) {
    return new Fill(f.fillId(), f.clientOrderId(), f.symbol(), f.side(), canonical(f.price()),
        canonical(f.quantity()), canonical(f.fee()), f.maker(), f.timestamp());
  }
}
