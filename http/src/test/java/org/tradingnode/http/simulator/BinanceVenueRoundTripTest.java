package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.http.simulator.BinanceVenueUnderTest.buy;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * The Binance venue child against the simulator on 127.0.0.1: it connects (clock offset, user
 * stream by WebSocket API subscription or by listen key, reconciliation), places, fills and cancels, and reports each step to its
 * connection. The simulator's clock stands in 2024, so every signed request also proves the clock
 * offset is applied.
 */
class BinanceVenueRoundTripTest {
  private SimulatorFixture fixture;
  private BinanceVenueUnderTest child;
  private ActorRef<VenueCommand> venue;

  private void start(BinanceVenueSettings.UserStream userStream) {
    fixture = SimulatorFixture.start();
    fixture.clock.run();
    child = new BinanceVenueUnderTest(fixture, userStream);
    venue = child.start(List.of());
  }

  @AfterEach
  void tearDown() {
    child.close();
    fixture.close();
  }

  @ParameterizedTest
  @EnumSource(BinanceVenueSettings.UserStream.class)
  void connectsThenPlacesFillsAndCancelsThroughTheVenue(BinanceVenueSettings.UserStream userStream) {
    start(userStream);
    assertTrue(child.awaitConnected().openClientOrderIds().isEmpty());

    venue.tell(new VenueCommand.Place(buy("s1-1", OrderType.MARKET, "0.001", null)));
    Fill fill = child.awaitFillReports("s1-1", 1).get(0);
    assertTrue(fill.quantity().signum() > 0);
    assertEquals("BTCUSDT-", fill.fillId().substring(0, 8));

    venue.tell(new VenueCommand.Place(buy("s1-2", OrderType.LIMIT, "0.01", "1000.00")));
    child.awaitReport("s1-2", VenueReport.Accepted.class);
    venue.tell(new VenueCommand.Cancel("s1-2"));
    child.awaitReport("s1-2", VenueReport.Canceled.class);
  }

  @Test
  void aRefusedOrderComesBackWithTheVenuesReason() {
    start(BinanceVenueSettings.UserStream.WS_API);
    child.awaitConnected();

    venue.tell(new VenueCommand.Place(buy("s1-3", OrderType.LIMIT, "0.01", "1000.001")));

    VenueReport.Rejected rejected = child.awaitReport("s1-3", VenueReport.Rejected.class);
    assertEquals(VenueRejectReason.INVALID_TICK, rejected.reason());
    assertTrue(rejected.detail().startsWith("-1013"), rejected.detail());
  }

  @Test
  void aNewChildReconcilesMoreOrdersThanItLooksUpAtOnceAndReportsThemInTheConnectionsOrder() {
    start(BinanceVenueSettings.UserStream.WS_API);
    child.awaitConnected();
    List<OrderIntent> resting = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      OrderIntent bid = buy("s1-rest-" + i, OrderType.LIMIT, "0.01", "1000.00");
      venue.tell(new VenueCommand.Place(bid));
      child.awaitReport(bid.clientOrderId(), VenueReport.Accepted.class);
      resting.add(bid);
    }
    List<Order> ours = new ArrayList<>();
    resting.forEach(bid -> ours.add(Order.of(bid)));
    ours.add(2, Order.of(buy("s1-never-sent", OrderType.LIMIT, "0.01", "1000.00")));

    child.start(ours);
    VenueEvent.Connected reconciled = child.awaitConnected();

    assertEquals(resting.stream().map(OrderIntent::clientOrderId).toList(),
        reconciled.missed().stream().map(VenueReport::clientOrderId).toList(),
        "one acceptance per order the venue holds, in the connection's order; none for the order it never saw");
    assertTrue(reconciled.openClientOrderIds().containsAll(
        resting.stream().map(OrderIntent::clientOrderId).toList()), reconciled.toString());
  }
}
