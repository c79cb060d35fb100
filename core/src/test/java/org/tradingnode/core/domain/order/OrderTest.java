package org.tradingnode.core.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final long T0 = 1_700_000_000_000L;

  private static final OrderIntent LIMIT_BUY_ONE = new OrderIntent("s1-1", "s1", "acc", "paper", "BTCUSDT",
      Side.BUY, OrderType.LIMIT, new BigDecimal("1.00000"), new BigDecimal("100.00"), new BigDecimal("100.00"),
      false, "entry", T0);

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  private static Fill fill(String id, String price, String quantity, String fee, long at) {
    return new Fill(id, "s1-1", "BTCUSDT", Side.BUY, new BigDecimal(price), new BigDecimal(quantity),
        new BigDecimal(fee), false, at);
  }

  @Test
  void newOrderStartsNewAndEmpty() {
    Order order = Order.of(LIMIT_BUY_ONE);

    assertEquals(OrderStatus.NEW, order.status());
    assertEquals("s1-1", order.clientOrderId());
    assertDecimal("0", order.filledQuantity());
    assertDecimal("1", order.remainingQuantity());
    assertNull(order.venueOrderId());
    assertEquals(T0, order.updatedAt());
    assertTrue(order.isOpen());
  }

  @Test
  void orderGoesFromNewThroughAcceptedAndPartiallyFilledToFilled() {
    Order accepted = Order.of(LIMIT_BUY_ONE).accept("v-1", T0 + 1);
    assertEquals(OrderStatus.ACCEPTED, accepted.status());
    assertEquals("v-1", accepted.venueOrderId());
    assertEquals(T0 + 1, accepted.updatedAt());

    Order partial = accepted.fill(fill("f1", "100.00", "0.40000", "0.04", T0 + 2));
    assertEquals(OrderStatus.PARTIALLY_FILLED, partial.status());
    assertDecimal("0.4", partial.filledQuantity());
    assertDecimal("0.6", partial.remainingQuantity());
    assertTrue(partial.isOpen());

    Order filled = partial.fill(fill("f2", "100.00", "0.60000", "0.06", T0 + 3));
    assertEquals(OrderStatus.FILLED, filled.status());
    assertDecimal("1", filled.filledQuantity());
    assertDecimal("0", filled.remainingQuantity());
    assertDecimal("0.10", filled.fees());
    assertEquals(T0 + 3, filled.updatedAt());
    assertFalse(filled.isOpen());
  }

  @Test
  void acceptingAnOrderThatIsNoLongerNewChangesNothing() {
    Order partial = Order.of(LIMIT_BUY_ONE).accept("v-1", T0).fill(fill("f1", "100", "0.5", "0", T0 + 1));

    assertSame(partial, partial.accept("v-2", T0 + 2));
  }

  @Test
  void cancelAfterAPartialFillKeepsTheFilledQuantity() {
    Order partial = Order.of(LIMIT_BUY_ONE).accept("v-1", T0).fill(fill("f1", "100", "0.3", "0", T0 + 1));

    Order canceled = partial.close(OrderStatus.CANCELED, "user", T0 + 2);

    assertEquals(OrderStatus.CANCELED, canceled.status());
    assertDecimal("0.3", canceled.filledQuantity());
    assertEquals("user", canceled.reason());
    assertEquals(T0 + 2, canceled.updatedAt());
    assertFalse(canceled.isOpen());
  }

  @Test
  void fillAfterCancelThrows() {
    Order canceled = Order.of(LIMIT_BUY_ONE).accept("v-1", T0).close(OrderStatus.CANCELED, "user", T0 + 1);

    assertThrows(IllegalStateException.class, () -> canceled.fill(fill("f1", "100", "0.1", "0", T0 + 2)));
  }

  @Test
  void overfillThrows() {
    Order partial = Order.of(LIMIT_BUY_ONE).accept("v-1", T0).fill(fill("f1", "100", "0.6", "0", T0 + 1));

    assertThrows(IllegalStateException.class, () -> partial.fill(fill("f2", "100", "0.40001", "0", T0 + 2)));
  }

  @Test
  void averagePriceIsWeightedByFilledQuantity() {
    Order order = Order.of(LIMIT_BUY_ONE).accept("v-1", T0)
        .fill(fill("f1", "100.00", "0.25", "0", T0 + 1))
        .fill(fill("f2", "104.00", "0.75", "0", T0 + 2));

    assertDecimal("103", order.averagePrice());
  }

  @Test
  void closingAnOrderThatIsAlreadyFinalChangesNothing() {
    Order filled = Order.of(LIMIT_BUY_ONE).fill(fill("f1", "100", "1", "0", T0 + 1));

    assertSame(filled, filled.close(OrderStatus.CANCELED, "late cancel", T0 + 2));
  }

  @Test
  void closingWithFilledOrAnOpenStatusIsRefused() {
    Order order = Order.of(LIMIT_BUY_ONE);

    assertThrows(IllegalArgumentException.class, () -> order.close(OrderStatus.FILLED, "no", T0));
    assertThrows(IllegalArgumentException.class, () -> order.close(OrderStatus.ACCEPTED, "no", T0));
  }

  @Test
  void onlyANewOrderMayBeRejected() {
    Order rejected = Order.of(LIMIT_BUY_ONE).close(OrderStatus.REJECTED, "INSUFFICIENT_BALANCE", T0);
    Order accepted = Order.of(LIMIT_BUY_ONE).accept("v-1", T0);

    assertEquals(OrderStatus.REJECTED, rejected.status());
    assertThrows(IllegalStateException.class, () -> accepted.close(OrderStatus.REJECTED, "late", T0 + 1));
  }

  @Test
  void transitionTableAllowsOnlyForwardMovesOutOfOpenStatuses() {
    assertTrue(Order.isAllowed(OrderStatus.NEW, OrderStatus.FILLED));
    assertTrue(Order.isAllowed(OrderStatus.ACCEPTED, OrderStatus.EXPIRED));
    assertTrue(Order.isAllowed(OrderStatus.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED));
    assertFalse(Order.isAllowed(OrderStatus.ACCEPTED, OrderStatus.NEW));
    assertFalse(Order.isAllowed(OrderStatus.PARTIALLY_FILLED, OrderStatus.ACCEPTED));
    for (OrderStatus from : OrderStatus.values()) {
      if (from.isFinal()) {
        for (OrderStatus to : OrderStatus.values()) {
          assertFalse(Order.isAllowed(from, to), from + " -> " + to);
        }
      }
    }
  }

  @Test
  void theLastFourStatusesAreFinal() {
    assertFalse(OrderStatus.NEW.isFinal());
    assertFalse(OrderStatus.ACCEPTED.isFinal());
    assertFalse(OrderStatus.PARTIALLY_FILLED.isFinal());
    assertTrue(OrderStatus.FILLED.isFinal());
    assertTrue(OrderStatus.CANCELED.isFinal());
    assertTrue(OrderStatus.REJECTED.isFinal());
    assertTrue(OrderStatus.EXPIRED.isFinal());
  }

  @Test
  void intentIsValuedAtItsLimitOrElseItsReferencePrice() {
    OrderIntent market = new OrderIntent("s1-2", "s1", "acc", "paper", "BTCUSDT", Side.SELL, OrderType.MARKET,
        new BigDecimal("2"), null, new BigDecimal("99.50"), true, "stop", T0);

    assertDecimal("100", LIMIT_BUY_ONE.notional());
    assertDecimal("199", market.notional());
    assertEquals("paper:acc", market.connectionId());
    assertEquals("s1-7", OrderIntent.clientOrderId("s1", 7));
  }

  @Test
  void sideSignAndOpposite() {
    assertEquals(1, Side.BUY.sign());
    assertEquals(-1, Side.SELL.sign());
    assertEquals(Side.SELL, Side.BUY.opposite());
    assertEquals(Side.BUY, Side.SELL.opposite());
  }
}
