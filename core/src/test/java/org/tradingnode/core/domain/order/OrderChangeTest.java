package org.tradingnode.core.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderChangeTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Order NEW_ORDER = Order.of(new OrderIntent("s1-1", "s1", "acc", "paper", "BTCUSDT", Side.BUY,
      OrderType.MARKET, new BigDecimal("2"), null, new BigDecimal("100"), false, "t", T0));

  private static Fill fill(String id, String quantity) {
    return new Fill(id, "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("100.00"), new BigDecimal(quantity),
        new BigDecimal("0.10"), false, T0 + 1);
  }

  private static Optional<OrderChange> change(Order order, VenueReport report, Set<String> knownFillIds) {
    return OrderChange.of(order, report, f -> !knownFillIds.contains(f.fillId()));
  }

  @Test
  void anAcceptanceWithItsFillsIsOneChangeThatFillsTheOrder() {
    VenueReport answer = new VenueReport.Accepted("s1-1", "v1", T0 + 1, List.of(fill("f1", "1.5"), fill("f2", "0.5")));

    OrderChange change = change(NEW_ORDER, answer, Set.of()).orElseThrow();

    assertEquals(new OrderChange.Accepted("v1", T0 + 1, List.of(fill("f1", "1.5"), fill("f2", "0.5"))), change);
    Order after = OrderChange.apply(NEW_ORDER, change);
    assertEquals(OrderStatus.FILLED, after.status());
    assertEquals("v1", after.venueOrderId());
  }

  @Test
  void anAcceptanceOfAnAcceptedOrderCountsOnlyForItsNewFills() {
    Order accepted = NEW_ORDER.accept("v1", T0);
    VenueReport again = new VenueReport.Accepted("s1-1", "v1", T0 + 1, List.of(fill("f1", "1"), fill("f2", "1")));

    assertEquals(Optional.of(new OrderChange.Filled(List.of(fill("f2", "1")))), change(accepted, again, Set.of("f1")));
    assertTrue(change(accepted, new VenueReport.Accepted("s1-1", "v1", T0 + 1), Set.of()).isEmpty());
  }

  @Test
  void aFillSeenBeforeOrTwiceInOneAnswerCountsOnce() {
    VenueReport doubled = new VenueReport.Accepted("s1-1", "v1", T0 + 1, List.of(fill("f1", "1"), fill("f1", "1")));

    assertEquals(List.of(fill("f1", "1")),
        ((OrderChange.Accepted) change(NEW_ORDER, doubled, Set.of()).orElseThrow()).fills());
    assertTrue(change(NEW_ORDER, new VenueReport.Filled(fill("f1", "1")), Set.of("f1")).isEmpty());
  }

  @Test
  void closingReportsCloseAnOpenOrderAndNothingChangesAClosedOrUnknownOne() {
    assertEquals(Optional.of(new OrderChange.Closed(OrderStatus.REJECTED, "INVALID_LOT: lot 0.1", T0)),
        change(NEW_ORDER, new VenueReport.Rejected("s1-1", VenueRejectReason.INVALID_LOT, "lot 0.1", T0), Set.of()));
    assertEquals(Optional.of(new OrderChange.Closed(OrderStatus.EXPIRED, "IOC_REMAINDER: filled 1 of 2", T0)),
        change(NEW_ORDER, new VenueReport.Expired("s1-1", T0, "IOC_REMAINDER: filled 1 of 2"), Set.of()));
    assertEquals(Optional.of(new OrderChange.Closed(OrderStatus.EXPIRED, "expired", T0)),
        change(NEW_ORDER, new VenueReport.Expired("s1-1", T0, null), Set.of()), "recorded before reasons were");
    Order canceled = NEW_ORDER.close(OrderStatus.CANCELED, "user", T0);

    assertTrue(change(canceled, new VenueReport.Filled(fill("f1", "1")), Set.of()).isEmpty());
    assertTrue(change(null, new VenueReport.Canceled("s1-1", T0), Set.of()).isEmpty());
  }
}
