package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.testing.Await;

/** Faults injected through the admin API, as a connector under test would meet them. */
class BinanceSimulatorFaultTest {
  private SimulatorFixture venue;

  @BeforeEach
  void start() {
    venue = SimulatorFixture.start();
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  private JsonNode adminState() {
    try {
      return venue.adminState();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void droppingSocketsClosesTheClientsSocket() throws Exception {
    try (StreamClient stream = venue.stream("/ws/btcusdt@bookTicker")) {
      stream.next();

      venue.injectFaults("{\"dropSockets\": true}");

      String ended = stream.ended().get(10, TimeUnit.SECONDS);
      assertTrue(ended.startsWith("close") || ended.startsWith("error"), ended);
    }
  }

  @Test
  void rawFramesReachEveryOpenSocketAsTheyAre() throws Exception {
    try (StreamClient stream = venue.stream("/ws/btcusdt@trade")) {
      venue.injectFaults("{\"sendRawFrames\": [\"{\\\"e\\\": \\\"mysteryEvent\\\"}\"]}");

      JsonNode raw = stream.next(m -> m.has("e") && m.path("e").asText().equals("mysteryEvent"));

      assertEquals(1, raw.size());
    }
  }

  @Test
  void aLostOrderResponseBooksTheOrderButNeverAnswers() throws Exception {
    venue.injectFaults("{\"loseNextOrderResponse\": true}");

    assertThrows(IOException.class, () -> venue.client.signed("POST", "/api/v3/order",
        BinanceSimulatorOrderTest.limitBuy("ETHUSDT", "0.0100", "1000.00", "lost-1")));
    SimulatorClient.Answer found = venue.client.signed("GET", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("origClientOrderId", "lost-1"));
    JsonNode state = venue.adminState();

    assertEquals("NEW", found.body().path("status").asText());
    assertEquals(1, state.path("orders").path("demo").path("lost-1").asInt());
    assertEquals("NEW 0", state.path("execution").path("demo").path("lost-1").asText());
    assertEquals(1, state.path("lostResponses").asInt());
  }

  @Test
  void injectedServerErrorsAnswerTheGivenStatusThenStop() throws Exception {
    venue.injectFaults("{\"failNext\": 2, \"status\": 503}");

    SimulatorClient.Answer first = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
    SimulatorClient.Answer second = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
    SimulatorClient.Answer third = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());

    assertEquals(503, first.status());
    assertEquals(-1008, first.code());
    assertEquals(503, second.status());
    assertEquals(200, third.status());
  }

  @Test
  void injectedThrottlingAnswers429WithRetryAfter() throws Exception {
    venue.injectFaults("{\"throttleNext\": 1}");

    SimulatorClient.Answer throttled = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
    SimulatorClient.Answer next = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());

    assertEquals(429, throttled.status());
    assertEquals(-1003, throttled.code());
    assertEquals(30, throttled.retryAfter().getAsLong());
    assertEquals(200, next.status());
    assertEquals(1, venue.adminState().path("responses429").asInt());
  }

  @Test
  void rejectedOrdersAnswerMinus2010AndAreNotBooked() throws Exception {
    venue.injectFaults("{\"rejectNextOrders\": 1}");

    SimulatorClient.Answer rejected = venue.client.signed("POST", "/api/v3/order",
        BinanceSimulatorOrderTest.limitBuy("ETHUSDT", "0.0100", "1000.00", "reject-1"));
    SimulatorClient.Answer accepted = venue.client.signed("POST", "/api/v3/order",
        BinanceSimulatorOrderTest.limitBuy("ETHUSDT", "0.0100", "1000.00", "reject-2"));

    assertEquals(-2010, rejected.code());
    assertEquals(200, accepted.status());
    assertTrue(venue.adminState().path("orders").path("demo").path("reject-1").isMissingNode());
  }

  @Test
  void aSilentVenueNeitherAnswersNorStreamsUntilCleared() throws Exception {
    try (StreamClient stream = venue.stream("/ws/btcusdt@bookTicker")) {
      stream.next();
      venue.injectFaults("{\"silent\": true}");
      stream.discardReceived();

      CompletableFuture<HttpResponse<String>> unanswered = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1).build()
          .sendAsync(HttpRequest.newBuilder(URI.create(venue.simulator.restBaseUrl() + "/api/v3/userDataStream"))
              .header("X-MBX-APIKEY", SimulatorAccount.DEMO_API_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      int unansweredWhileSilent = Await.until("the request to reach the silent venue",
          () -> adminState().path("unansweredWhileSilent").asInt(), n -> n != 0, Duration.ofSeconds(10));
      assertEquals(1, unansweredWhileSilent, "the venue holds the request unanswered while silent");
      boolean streamedWhileSilent = stream.receivesWithin(Duration.ofMillis(300));
      venue.clearFaults();

      assertFalse(streamedWhileSilent);
      ExecutionException dropped = assertThrows(ExecutionException.class, () -> unanswered.get(10, TimeUnit.SECONDS));
      assertTrue(dropped.getCause() instanceof IOException, dropped.getCause().toString());
      assertEquals("BTCUSDT", stream.next().path("s").asText());
    }
  }

  @Test
  void aDelayStillAnswersAndShowsInTheState() throws Exception {
    JsonNode state = venue.injectFaults("{\"delayMs\": 200}");

    SimulatorClient.Answer answer = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());

    assertEquals(200, state.path("faults").path("delayMs").asInt());
    assertEquals(200, answer.status());
  }

  @Test
  void anUnknownFaultIsRefused() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> venue.injectFaults("{\"dropEverything\": true}"));

    assertTrue(refused.getMessage().contains("400"), refused.getMessage());
  }
}
