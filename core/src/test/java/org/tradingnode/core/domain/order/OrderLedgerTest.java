package org.tradingnode.core.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderLedgerTest {
  private static final long T0 = 1_700_000_000_000L;

  private static Order order(String strategyId, long sequence) {
    return Order.of(new OrderIntent(OrderIntent.clientOrderId(strategyId, sequence), strategyId, "acc", "paper",
        "BTCUSDT", Side.BUY, OrderType.MARKET, BigDecimal.ONE, null, new BigDecimal("100"), false, "t",
        T0 + sequence));
  }

  private static Order canceled(Order order) {
    return order.close(OrderStatus.CANCELED, "user", T0);
  }

  @Test
  void anIdNeverSeenIsNewAndAHeldOneIsHeld() {
    OrderLedger ledger = OrderLedger.empty().record(order("s1", 1), 2);

    assertEquals(OrderLedger.Lookup.HELD, ledger.lookup("s1-1", "s1"));
    assertEquals(OrderLedger.Lookup.NEW, ledger.lookup("s1-2", "s1"));
  }

  @Test
  void openOrdersStayWhateverTheWindowAndOnlyClosedOnesLeaveIt() {
    OrderLedger ledger = OrderLedger.empty();
    Order open = order("s1", 1);
    ledger.record(open, 1);
    for (long n = 2; n <= 5; n++) {
      ledger.record(order("s1", n), 1).record(canceled(order("s1", n)), 1);
    }

    assertEquals(List.of("s1-1", "s1-5"), ledger.held().stream().map(Order::clientOrderId).toList());
    assertEquals(List.of(open), ledger.openOrders());
    assertEquals(4, ledger.floor("s1"));
  }

  @Test
  void anIdThatLeftTheWindowOrIsBelowTheFloorIsArchivedAndOnlyAboveTheFloorIsNew() {
    OrderLedger ledger = OrderLedger.empty();
    for (long n = 1; n <= 3; n++) {
      ledger.record(canceled(order("s1", n)), 1);
    }

    assertEquals(OrderLedger.Lookup.ARCHIVED, ledger.lookup("s1-1", "s1"));
    assertEquals(OrderLedger.Lookup.ARCHIVED, ledger.lookup("s1-2", "s1"));
    assertEquals(OrderLedger.Lookup.HELD, ledger.lookup("s1-3", "s1"));
    assertEquals(OrderLedger.Lookup.NEW, ledger.lookup("s1-4", "s1"));
    assertEquals(OrderLedger.Lookup.NEW, ledger.lookup("s2-1", "s2"));
  }

  @Test
  void anIdOfAnotherFormIsArchivedOnceAnythingOfItsStrategyLeftTheWindow() {
    OrderLedger ledger = OrderLedger.empty();
    assertEquals(OrderLedger.Lookup.NEW, ledger.lookup("manual-x", "s1"));

    ledger.record(canceled(order("s1", 1)), 0);

    assertEquals(OrderLedger.Lookup.ARCHIVED, ledger.lookup("manual-x", "s1"));
  }

  @Test
  void fillsLeaveWithTheirOrderAndACopyIsIndependent() {
    OrderLedger ledger = OrderLedger.empty();
    Order order = order("s1", 1);
    Fill fill = new Fill("f1", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("100"), BigDecimal.ONE, BigDecimal.ZERO,
        false, T0);
    ledger.record(order, 1).recordFill(fill, order.fill(fill), 1);
    OrderLedger copy = ledger.copy();
    assertTrue(copy.hasFill(fill));

    ledger.record(canceled(order("s1", 2)), 1);

    assertEquals(List.of(), ledger.fillsOf("s1-1"));
    assertEquals(List.of(fill), copy.fillsOf("s1-1"));
    assertEquals(OrderLedger.Lookup.HELD, copy.lookup("s1-1", "s1"));
  }

  @Test
  void anAccountThatKeptEveryOrderKeepsItsOpenOrdersAndTheLatestClosedOnesWithTheirFills() {
    Order open = order("s1", 1);
    Fill fill = new Fill("f1", "s1-3", "BTCUSDT", Side.BUY, new BigDecimal("100"), BigDecimal.ONE, BigDecimal.ZERO,
        false, T0);
    Order filled = order("s1", 3).fill(fill);
    Map<String, Order> every = Map.of("s1-1", open, "s1-2", canceled(order("s1", 2)), "s1-3", filled);

    OrderLedger ledger = OrderLedger.ofEveryOrder(every.values(), Map.of("s1-3", List.of(fill)), 1);

    assertEquals(List.of("s1-1", "s1-3"), ledger.held().stream().map(Order::clientOrderId).toList());
    assertEquals(List.of(fill), ledger.fillsOf("s1-3"));
    assertEquals(OrderLedger.Lookup.ARCHIVED, ledger.lookup("s1-2", "s1"));
  }
}
