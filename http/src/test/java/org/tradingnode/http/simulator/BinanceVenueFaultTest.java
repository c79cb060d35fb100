package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.http.simulator.BinanceVenueUnderTest.buy;
import static org.tradingnode.http.simulator.BinanceVenueUnderTest.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.venue.binance.BinanceCredentials;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * The Binance venue child against the simulator's faults: a lost placement answer, the user stream
 * dropped while an order fills, a storm of 429s, rejected credentials and garbled frames. What the
 * venue holds is read from the simulator's admin state, never from the child.
 */
class BinanceVenueFaultTest {
  private static final String DEMO = "demo";
  private SimulatorFixture fixture;
  private BinanceVenueUnderTest child;

  @AfterEach
  void tearDown() {
    if (child != null) {
      child.close();
    }
    fixture.close();
  }

  private ActorRef<VenueCommand> connected() {
    if (fixture == null) {
      fixture = SimulatorFixture.start();
      fixture.clock.run();
    }
    child = child == null ? new BinanceVenueUnderTest(fixture) : child;
    ActorRef<VenueCommand> venue = child.start(List.of());
    child.awaitConnected();
    return venue;
  }

  private JsonNode demoState(String part) {
    try {
      return fixture.adminState().path(part).path(DEMO);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPlacementWhoseAnswerWasLostIsFoundByItsClientOrderIdAndNeverSentTwice() throws Exception {
    ActorRef<VenueCommand> venue = connected();
    fixture.injectFaults("{\"loseNextOrderResponse\": true}");

    venue.tell(new VenueCommand.Place(buy("s1-lost", OrderType.LIMIT, "0.01", "1000.00")));

    child.awaitReports("s1-lost", VenueReport.Accepted.class, 2);
    assertEquals(1, demoState("orders").path("s1-lost").asInt());
    assertEquals(1, fixture.adminState().path("lostResponses").asInt());
    assertEquals(1, child.counters.placementsLost());
    assertEquals(0, child.counters.placementsResent());
  }

  @Test
  void aFillWhileTheUserStreamWasDownIsFoundByTheNextChildsReconciliation() throws Exception {
    ActorRef<VenueCommand> first = connected();
    JsonNode book = fixture.client.publicGet("/api/v3/depth", BinanceQuery.empty().with("symbol", "BTCUSDT")
        .with("limit", 5)).body();
    OrderIntent bid = intent("s1-bid", Side.BUY, OrderType.LIMIT, "0.001", book.path("bids").get(0).get(0).asText());
    OrderIntent ask = intent("s1-ask", Side.SELL, OrderType.LIMIT, "0.001", book.path("asks").get(0).get(0).asText());
    first.tell(new VenueCommand.Place(bid));
    child.awaitReport("s1-bid", VenueReport.Accepted.class);
    first.tell(new VenueCommand.Place(ask));
    child.awaitReport("s1-ask", VenueReport.Accepted.class);

    fixture.injectFaults("{\"silent\": true}");
    JsonNode execution = Await.until("the venue's execution of s1-bid or s1-ask to leave NEW",
        () -> demoState("execution"),
        e -> !e.path("s1-bid").asText().startsWith("NEW") || !e.path("s1-ask").asText().startsWith("NEW"),
        Duration.ofSeconds(60));
    fixture.injectFaults("{\"silent\": false, \"dropSockets\": true}");
    TestProbe<Object> watcher = child.kit.createTestProbe();
    watcher.expectTerminated(first, BinanceVenueUnderTest.WAIT);

    child.start(List.of(Order.of(bid), Order.of(ask)));
    VenueEvent.Connected reconciled = child.awaitConnected();

    for (OrderIntent order : List.of(bid, ask)) {
      String[] atVenue = execution.path(order.clientOrderId()).asText().split(" ");
      BigDecimal reported = reconciled.missed().stream()
          .filter(r -> r.clientOrderId().equals(order.clientOrderId()))
          .flatMap(r -> BinanceVenueUnderTest.fillsOf(r).stream())
          .map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(0, new BigDecimal(atVenue[1]).compareTo(reported), order.clientOrderId() + " " + reconciled);
      assertEquals(atVenue[0].equals("NEW") || atVenue[0].equals("PARTIALLY_FILLED"),
          reconciled.openClientOrderIds().contains(order.clientOrderId()), reconciled.toString());
    }
  }

  @Test
  void aStormOf429sHoldsEveryRequestBackUntilRetryAfterAndIsNeverBanned() throws Exception {
    fixture = SimulatorFixture.start(SimulatorSettings.defaults().withRequestWeightLimit(120, 10, Duration.ofMinutes(2)),
        Instant.parse("2024-05-01T12:00:58Z"));
    // The venue's clock stands still during the storm (the window cannot turn under it), then moves on so
    // that Retry-After can pass. The client reads the same clock, as a client in step with a real venue's
    // time would: with its own, the client's minute could turn during the storm while the venue's did not,
    // and it would rightly send again into the venue's full window.
    child = new BinanceVenueUnderTest(fixture);
    ActorRef<VenueCommand> venue = child.start(List.of(), fixture.clock);
    child.awaitConnected();
    long connectedAt = System.nanoTime();
    int orders = 60;

    for (int i = 0; i < orders; i++) {
      venue.tell(new VenueCommand.Place(buy("s1-storm-" + i, OrderType.LIMIT, "0.01", "1000.00")));
    }
    Map<String, VenueReport> answers = awaitFirstAnswers("s1-storm-", orders);

    JsonNode state = fixture.adminState();
    long accepted = answers.values().stream().filter(VenueReport.Accepted.class::isInstance).count();
    assertTrue(accepted > 0 && accepted < orders, "accepted " + accepted);
    assertEquals(accepted, state.path("orders").path(DEMO).size());
    state.path("orders").path(DEMO).forEach(count -> assertEquals(1, count.asInt()));
    assertTrue(state.path("responses429").asInt() >= 1, state.toString());
    assertTrue(state.path("responses429").asInt() <= 4, "sent on after a 429: " + state);
    assertEquals(0, state.path("responses418").asInt());

    // From here the venue's time (and the client's) keeps pace with the test's: each attempt moves it on by
    // the time that passed since the last one.
    long[] movedTo = {connectedAt};
    int[] attempt = {0};
    Await.until("an order to go out again once Retry-After has passed", () -> {
      long now = System.nanoTime();
      fixture.clock.advance(Duration.ofNanos(now - movedTo[0]));
      movedTo[0] = now;
      String id = "s1-after-" + attempt[0]++;
      venue.tell(new VenueCommand.Place(buy(id, OrderType.LIMIT, "0.01", "1000.00")));
      return awaitFirstAnswers(id, 1).get(id);
    }, VenueReport.Accepted.class::isInstance, Duration.ofSeconds(10), Duration.ofMillis(250));
    assertEquals(0, fixture.adminState().path("responses418").asInt());
  }

  @Test
  void rejectedCredentialsAreReportedOnceAndNothingIsRetried() throws Exception {
    fixture = SimulatorFixture.start();
    fixture.clock.run();
    child = new BinanceVenueUnderTest(fixture, new BinanceCredentials(SimulatorAccount.DEMO_API_KEY,
        "NotTheSecretOfThisKey0000000000000000000000000000000000000000000"), 6000,
        BinanceVenueSettings.UserStream.WS_API);
    ActorRef<VenueCommand> venue = child.start(List.of());
    child.awaitConnected();
    int requestsWhenRefused = fixture.adminState().path("requests").asInt();

    venue.tell(new VenueCommand.Place(buy("s1-refused", OrderType.LIMIT, "0.01", "1000.00")));
    VenueReport.Rejected rejected = child.awaitReport("s1-refused", VenueReport.Rejected.class);
    child.kit.createTestProbe().expectNoMessage(Duration.ofSeconds(3));

    assertEquals(VenueRejectReason.VENUE_REFUSED, rejected.reason());
    assertTrue(rejected.detail().contains("rejected the API credentials"), rejected.detail());
    assertTrue(rejected.detail().contains("-1022"), rejected.detail());
    assertEquals(requestsWhenRefused, fixture.adminState().path("requests").asInt());
    assertEquals(0, demoState("orders").size());
  }

  @Test
  void garbledUserStreamFramesAreCountedAndDroppedAndReportsKeepComing() throws Exception {
    ActorRef<VenueCommand> venue = connected();

    fixture.injectFaults("""
        {"sendRawFrames": ["{\\"e\\": \\"executionReport\\", \\"s\\": ", "{\\"e\\": \\"executionReport\\", \\"i\\": \\"x\\"}",
                           "{\\"e\\": \\"somethingNew\\"}", "not json at all"]}""");
    Await.until("the garbled frames to be counted",
        () -> new Counted(child.counters.malformed(), child.counters.unknown()), new Counted(3, 1)::equals,
        Duration.ofSeconds(10));
    venue.tell(new VenueCommand.Place(buy("s1-after-garble", OrderType.MARKET, "0.001", null)));

    child.awaitFillReports("s1-after-garble", 2);
    assertEquals(3, child.counters.malformed());
    assertEquals(1, child.counters.unknown());
  }

  /** The user stream frames the child counted as malformed and as of an unknown kind. */
  private record Counted(long malformed, long unknown) {}

  /** The first Accepted or Rejected of each of {@code count} orders named {@code prefix + i}. */
  private Map<String, VenueReport> awaitFirstAnswers(String prefix, int count) {
    Map<String, VenueReport> answers = new HashMap<>();
    child.connection.fishForMessage(Duration.ofSeconds(30), m -> {
      if (m instanceof VenueEvent.Reported r && r.report().clientOrderId().startsWith(prefix)
          && (r.report() instanceof VenueReport.Accepted || r.report() instanceof VenueReport.Rejected)) {
        answers.putIfAbsent(r.report().clientOrderId(), r.report());
      }
      return answers.size() == count ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore();
    });
    return answers;
  }
}
