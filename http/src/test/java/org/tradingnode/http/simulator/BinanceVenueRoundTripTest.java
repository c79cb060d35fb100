package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.venue.VenueCommand;
import org.tradingnode.core.venue.VenueSession;
import org.tradingnode.core.venue.binance.BinanceCredentials;
import org.tradingnode.core.venue.binance.BinanceVenue;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * The Binance venue child against the simulator on 127.0.0.1: it connects (clock offset, listen
 * key, user stream, reconciliation), places, fills and cancels, and reports each step to its
 * connection. The simulator's clock stands in 2024, so every signed request also proves the clock
 * offset is applied.
 */
class BinanceVenueRoundTripTest {
  private static final Instrument BTCUSDT = new Instrument("binance", "BTCUSDT", "BTC", "USDT",
      new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
  private SimulatorFixture fixture;
  private ActorTestKit kit;
  private TestProbe<ExchangeConnectionEntity.Command> connection;
  private ActorRef<VenueCommand> venue;

  @BeforeEach
  void setUp() {
    fixture = SimulatorFixture.start();
    kit = ActorTestKit.create();
    connection = kit.createTestProbe();
    var settings = BinanceVenueSettings.of(fixture.simulator.restBaseUrl(), fixture.simulator.streamBaseUrl(),
        new BinanceCredentials(SimulatorAccount.DEMO_API_KEY, SimulatorAccount.DEMO_API_SECRET));
    venue = kit.spawn(BinanceVenue.gateway(settings, new BinanceVenue.Counters()).connect(new VenueSession(
        "binance:main", List.of(BTCUSDT), Map.of(), List.of(), connection.ref(), Clock.systemUTC())));
  }

  @AfterEach
  void tearDown() {
    kit.shutdownTestKit();
    fixture.close();
  }

  private static OrderIntent intent(String clientOrderId, OrderType type, String quantity, String limitPrice) {
    return new OrderIntent(clientOrderId, "s1", "main", "binance", "BTCUSDT", Side.BUY, type,
        new BigDecimal(quantity), limitPrice == null ? null : new BigDecimal(limitPrice), new BigDecimal("60000"),
        false, "test", 0);
  }

  /**
   * The first report of a kind for an order. The REST answer and the user stream both report each
   * step (the connection records it once), so reports of other orders and repeats are skipped.
   */
  private <T extends VenueReport> T awaitReport(String clientOrderId, Class<T> kind) {
    var seen = connection.fishForMessage(Duration.ofSeconds(10), m ->
        m instanceof ExchangeConnectionEntity.VenueReported r && kind.isInstance(r.report())
            && r.report().clientOrderId().equals(clientOrderId)
            ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
    return kind.cast(((ExchangeConnectionEntity.VenueReported) seen.get(seen.size() - 1)).report());
  }

  @Test
  void connectsThenPlacesFillsAndCancelsThroughTheVenue() {
    var connected = connection.expectMessageClass(ExchangeConnectionEntity.VenueConnected.class,
        Duration.ofSeconds(15));
    assertTrue(connected.openClientOrderIds().isEmpty());

    venue.tell(new VenueCommand.Place(intent("s1-1", OrderType.MARKET, "0.001", null)));
    awaitReport("s1-1", VenueReport.Accepted.class);
    VenueReport.Filled fill = awaitReport("s1-1", VenueReport.Filled.class);
    assertTrue(fill.fill().quantity().signum() > 0);
    assertEquals("BTCUSDT-", fill.fill().fillId().substring(0, 8));

    venue.tell(new VenueCommand.Place(intent("s1-2", OrderType.LIMIT, "0.01", "1000.00")));
    awaitReport("s1-2", VenueReport.Accepted.class);
    venue.tell(new VenueCommand.Cancel("s1-2"));
    awaitReport("s1-2", VenueReport.Canceled.class);
  }

  @Test
  void aRefusedOrderComesBackWithTheVenuesReason() {
    connection.expectMessageClass(ExchangeConnectionEntity.VenueConnected.class, Duration.ofSeconds(15));

    venue.tell(new VenueCommand.Place(intent("s1-3", OrderType.LIMIT, "0.01", "1000.001")));

    VenueReport.Rejected rejected = awaitReport("s1-3", VenueReport.Rejected.class);
    assertEquals(VenueRejectReason.INVALID_TICK, rejected.reason());
    assertTrue(rejected.detail().startsWith("-1013"), rejected.detail());
  }
}
