package org.tradingnode.core.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderHistoryTest {
  private static final long T0 = 1_700_000_000_000L;

  private static Order order(String clientOrderId) {
    return Order.of(new OrderIntent(clientOrderId, "s1", "acc", "paper", "BTCUSDT", Side.BUY, OrderType.LIMIT,
        new BigDecimal("2"), new BigDecimal("100.00"), new BigDecimal("100"), false, "t", T0));
  }

  private static Fill fill(String id, String clientOrderId) {
    return new Fill(id, clientOrderId, "BTCUSDT", Side.BUY, new BigDecimal("100.00"), BigDecimal.ONE,
        new BigDecimal("0.10"), true, T0 + 2);
  }

  @Test
  void aPartlyFilledOrderCancelledLaterIsToldAsAcceptedEachFillAndCanceled() {
    Fill fill = fill("f1", "s1-1");
    Order order = order("s1-1").accept("v1", T0 + 1).fill(fill).close(OrderStatus.CANCELED, "canceled", T0 + 3);

    assertEquals(List.of(new VenueReport.Accepted("s1-1", "v1", T0 + 3), new VenueReport.Filled(fill),
        new VenueReport.Canceled("s1-1", T0 + 3)), OrderHistory.reportsOf(order, List.of(fill)));
  }

  @Test
  void aRejectedOrderIsToldWithTheReasonItWasRejectedFor() {
    Order order = order("s1-1").close(OrderStatus.REJECTED, "INVALID_TICK: not on tick", T0 + 1);

    assertEquals(List.of(new VenueReport.Rejected("s1-1", VenueRejectReason.INVALID_TICK, "INVALID_TICK: not on tick",
        T0 + 1)), OrderHistory.reportsOf(order, List.of()));
  }

  @Test
  void reconciliationRejectsWhatTheVenueNeverTookAndExpiresWhatItTookAndForgot() {
    Order neverTaken = order("s1-1");
    Order forgotten = order("s1-2").accept("v2", T0 + 1);
    Order held = order("s1-3").accept("v3", T0 + 1);

    List<VenueReport> closing = OrderHistory.closingUnmatched(List.of(neverTaken, forgotten, held),
        Set.of("s1-3"), T0 + 9);

    assertEquals(List.of(new VenueReport.Rejected("s1-1", VenueRejectReason.NOT_AT_VENUE,
        "sent before a restart and not held by the venue", T0 + 9), new VenueReport.Expired("s1-2", T0 + 9,
        "NOT_AT_VENUE: acknowledged before a restart and no longer known to the venue")), closing);
  }
}
