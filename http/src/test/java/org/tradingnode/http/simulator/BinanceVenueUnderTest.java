package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import org.tradingnode.core.domain.order.Fill;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.gateway.VenueGateway;
import org.tradingnode.core.gateway.VenueSession;
import org.tradingnode.core.venue.binance.BinanceCredentials;
import org.tradingnode.core.venue.binance.BinanceVenue;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * Binance venue children of one connection, started against a simulator, with a probe standing in
 * for the connection entity. A new child is started the way the connection starts one: with the
 * orders it holds open, which the child reconciles before it reports itself connected.
 */
final class BinanceVenueUnderTest implements AutoCloseable {
  static final Instrument BTCUSDT = new Instrument("binance", "BTCUSDT", "BTC", "USDT",
      new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
  static final Duration WAIT = Duration.ofSeconds(15);

  final ActorTestKit kit = ActorTestKit.create();
  final TestProbe<VenueEvent> connection = kit.createTestProbe();
  final BinanceVenue.Counters counters = new BinanceVenue.Counters();
  private final VenueGateway gateway;

  BinanceVenueUnderTest(SimulatorFixture fixture) {
    this(fixture, BinanceVenueSettings.UserStream.WS_API);
  }

  BinanceVenueUnderTest(SimulatorFixture fixture, BinanceVenueSettings.UserStream userStream) {
    this(fixture, new BinanceCredentials(SimulatorAccount.DEMO_API_KEY, SimulatorAccount.DEMO_API_SECRET), 6000,
        userStream);
  }

  BinanceVenueUnderTest(SimulatorFixture fixture, BinanceCredentials credentials, int weightLimit,
      BinanceVenueSettings.UserStream userStream) {
    var settings = BinanceVenueSettings.of(fixture.simulator.restBaseUrl(), fixture.simulator.streamBaseUrl(),
        credentials).withWeightLimit(weightLimit)
        .withUserStream(userStream, fixture.simulator.streamBaseUrl() + "/ws-api/v3");
    gateway = BinanceVenue.gateway(settings, counters);
  }

  /** A child for a connection holding {@code openOrders} at the venue. */
  ActorRef<VenueCommand> start(List<Order> openOrders) {
    return start(openOrders, Clock.systemUTC());
  }

  /** A child whose clock is {@code clock}: the venue's own, for a test that moves the venue's time. */
  ActorRef<VenueCommand> start(List<Order> openOrders, Clock clock) {
    return kit.spawn(gateway.connect(new VenueSession("binance:main", List.of(BTCUSDT), Map.of(), openOrders,
        connection.ref(), clock)));
  }

  VenueEvent.Connected awaitConnected() {
    return connection.fishForMessage(WAIT, m -> m instanceof VenueEvent.Connected
        ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore()).stream()
        .reduce((first, second) -> second).map(VenueEvent.Connected.class::cast).orElseThrow();
  }

  static OrderIntent buy(String clientOrderId, OrderType type, String quantity, String limitPrice) {
    return intent(clientOrderId, Side.BUY, type, quantity, limitPrice);
  }

  static OrderIntent intent(String clientOrderId, Side side, OrderType type, String quantity, String limitPrice) {
    return new OrderIntent(clientOrderId, "s1", "main", "binance", "BTCUSDT", side, type,
        new BigDecimal(quantity), limitPrice == null ? null : new BigDecimal(limitPrice), new BigDecimal("60000"),
        false, "test", 0);
  }

  /**
   * The first report of a kind for an order. The REST answer and the user stream both report each
   * step (the connection records it once), so reports of other orders and repeats are skipped.
   */
  <T extends VenueReport> T awaitReport(String clientOrderId, Class<T> kind) {
    return awaitReports(clientOrderId, kind, 1);
  }

  /** The {@code count}th report of a kind for an order (counting the REST answer's and the stream's). */
  <T extends VenueReport> T awaitReports(String clientOrderId, Class<T> kind, int count) {
    int[] found = {0};
    var seen = connection.fishForMessage(WAIT, m ->
        m instanceof VenueEvent.Reported r && kind.isInstance(r.report())
            && r.report().clientOrderId().equals(clientOrderId) && ++found[0] == count
            ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
    return kind.cast(((VenueEvent.Reported) seen.get(seen.size() - 1)).report());
  }

  /**
   * The fills of an order until {@code count} reports carried some: the REST answer brings them inside
   * its acceptance, the user stream as separate fills (the connection records each fill once).
   */
  List<Fill> awaitFillReports(String clientOrderId, int count) {
    int[] found = {0};
    List<Fill> fills = new ArrayList<>();
    connection.fishForMessage(WAIT, m -> {
      List<Fill> carried = m instanceof VenueEvent.Reported r && r.report().clientOrderId().equals(clientOrderId)
          ? fillsOf(r.report()) : List.of();
      fills.addAll(carried);
      return !carried.isEmpty() && ++found[0] == count ? FishingOutcomes.complete()
          : FishingOutcomes.continueAndIgnore();
    });
    return fills;
  }

  /** The fills a report carries. */
  static List<Fill> fillsOf(VenueReport report) {
    if (report instanceof VenueReport.Filled f) {
      return List.of(f.fill());
    }
    return report instanceof VenueReport.Accepted a ? a.fills() : List.of();
  }

  @Override
  public void close() {
    kit.shutdownTestKit();
  }
}
