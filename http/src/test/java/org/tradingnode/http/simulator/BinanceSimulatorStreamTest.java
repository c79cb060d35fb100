package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.testing.Await;

/** The WebSocket streams, read by a real WebSocket client. */
class BinanceSimulatorStreamTest {
  private static SimulatorFixture venue;

  @BeforeAll
  static void start() {
    venue = SimulatorFixture.start(s -> s.withPingInterval(Duration.ofMillis(200)));
  }

  @AfterAll
  static void stop() {
    venue.close();
  }

  @Test
  void theUserDataStreamReportsNewThenTradeForAMarketOrder() throws Exception {
    String listenKey = venue.client.withApiKey("POST", "/api/v3/userDataStream", BinanceQuery.empty())
        .body().path("listenKey").asText();
    try (StreamClient user = venue.stream("/ws/" + listenKey)) {
      venue.client.signed("POST", "/api/v3/order", BinanceQuery.empty().with("symbol", "SOLUSDT")
          .with("side", "SELL").with("type", "MARKET").with("quantity", "0.100").with("newClientOrderId", "uds-1"));

      JsonNode created = user.next(m -> "uds-1".equals(m.path("c").asText()));
      JsonNode traded = user.next(m -> "uds-1".equals(m.path("c").asText()));
      JsonNode position = user.next(m -> m.path("e").asText().equals("outboundAccountPosition"));

      assertEquals("executionReport", created.path("e").asText());
      assertEquals(List.of("NEW", "NEW"), List.of(created.path("x").asText(), created.path("X").asText()));
      assertEquals(List.of("TRADE", "FILLED"), List.of(traded.path("x").asText(), traded.path("X").asText()));
      assertEquals(created.path("i").asLong(), traded.path("i").asLong());
      assertEquals("0.10000000", traded.path("l").asText());
      assertEquals("0.10000000", traded.path("z").asText());
      assertEquals("USDT", traded.path("N").asText());
      assertTrue(traded.path("t").asLong() > 0);
      assertEquals(Set.of("SOL", "USDT"), assets(position));
    }
  }

  @Test
  void depthDiffsContinueTheRestSnapshot() throws Exception {
    try (StreamClient depth = venue.stream("/ws/btcusdt@depth@100ms")) {
      JsonNode firstBuffered = depth.next();
      JsonNode snapshot = venue.client.publicGet("/api/v3/depth",
          BinanceQuery.empty().with("symbol", "BTCUSDT").with("limit", 1000)).body();
      long lastUpdateId = snapshot.path("lastUpdateId").asLong();
      Map<BigDecimal, BigDecimal> bids = levels(snapshot.path("bids"), Comparator.reverseOrder());
      Map<BigDecimal, BigDecimal> asks = levels(snapshot.path("asks"), Comparator.naturalOrder());

      assertTrue(lastUpdateId >= firstBuffered.path("U").asLong(), "the snapshot is older than the first event");
      JsonNode event = firstBuffered;
      while (event.path("u").asLong() <= lastUpdateId) {
        event = depth.next();
      }
      assertTrue(event.path("U").asLong() <= lastUpdateId + 1 && lastUpdateId + 1 <= event.path("u").asLong(),
          "first event " + event + " does not continue snapshot " + lastUpdateId);
      long previous = apply(event, bids, asks);
      for (int i = 0; i < 10; i++) {
        event = depth.next();
        assertEquals(previous + 1, event.path("U").asLong(), "gap after " + previous);
        previous = apply(event, bids, asks);
      }
      JsonNode later = venue.client.publicGet("/api/v3/depth",
          BinanceQuery.empty().with("symbol", "BTCUSDT").with("limit", 1000)).body();
      while (previous < later.path("lastUpdateId").asLong()) {
        event = depth.next();
        assertEquals(previous + 1, event.path("U").asLong());
        previous = apply(event, bids, asks);
      }

      assertEquals(later.path("lastUpdateId").asLong(), previous);
      assertEquals(levels(later.path("bids"), Comparator.reverseOrder()), bids);
      assertEquals(levels(later.path("asks"), Comparator.naturalOrder()), asks);
    }
  }

  @Test
  void skippedDepthUpdateIdsShowAsAGap() throws Exception {
    try (StreamClient depth = venue.stream("/ws/ethusdt@depth@100ms")) {
      long previous = depth.next().path("u").asLong();
      venue.injectFaults("{\"skipDepthUpdateIds\": 5}");

      JsonNode event = depth.next();
      while (event.path("U").asLong() == previous + 1) {
        previous = event.path("u").asLong();
        event = depth.next();
      }

      assertTrue(event.path("U").asLong() - (previous + 1) >= 5, "gap of " + (event.path("U").asLong() - previous - 1));
      JsonNode after = depth.next();
      assertEquals(event.path("u").asLong() + 1, after.path("U").asLong());
    }
  }

  @Test
  void combinedStreamsWrapEachPayloadWithItsStreamName() throws Exception {
    try (StreamClient combined = venue.stream("/stream?streams=btcusdt@trade/btcusdt@bookTicker")) {
      JsonNode ticker = combined.next(m -> m.path("stream").asText().equals("btcusdt@bookTicker"));
      JsonNode trade = combined.next(m -> m.path("stream").asText().equals("btcusdt@trade"));

      assertEquals(Set.of("stream", "data"), fieldNames(ticker));
      assertEquals("BTCUSDT", ticker.path("data").path("s").asText());
      assertEquals("trade", trade.path("data").path("e").asText());
    }
  }

  @Test
  void aRawSocketSubscribesListsAndUnsubscribes() throws Exception {
    try (StreamClient raw = venue.stream("/ws")) {
      raw.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"solusdt@bookTicker\"],\"id\":1}");
      JsonNode subscribed = raw.next();
      JsonNode ticker = raw.next();
      raw.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
      JsonNode listed = raw.next(m -> m.path("id").asInt() == 2);
      raw.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"solusdt@bookTicker\"],\"id\":3}");
      JsonNode unsubscribed = raw.next(m -> m.path("id").asInt() == 3);

      assertEquals("{\"result\":null,\"id\":1}", subscribed.toString());
      assertEquals("SOLUSDT", ticker.path("s").asText());
      assertEquals("[\"solusdt@bookTicker\"]", listed.path("result").toString());
      assertEquals("{\"result\":null,\"id\":3}", unsubscribed.toString());
      assertFalse(raw.receivesWithin(Duration.ofMillis(500)), "a message after unsubscribing");
    }
  }

  @Test
  void clientPingsGetPongsAndIdleSocketsArePinged() throws Exception {
    try (StreamClient idle = venue.stream("/ws")) {
      idle.ping();

      Heard heard = Await.until("a pong and a ping", () -> new Heard(idle.pongsReceived(), idle.pingsReceived()),
          h -> h.pongs() != 0 && h.pings() != 0, Duration.ofSeconds(10));

      assertTrue(heard.pongs() > 0, "no pong");
      assertTrue(heard.pings() > 0, "no ping");
    }
  }

  @Test
  void aListenKeyNotKeptAliveExpires() throws Exception {
    try (SimulatorFixture own = SimulatorFixture.start(s -> s.withListenKeyValidity(Duration.ofMinutes(1)))) {
      String listenKey = own.client.withApiKey("POST", "/api/v3/userDataStream", BinanceQuery.empty())
          .body().path("listenKey").asText();
      try (StreamClient user = own.stream("/ws/" + listenKey)) {
        own.clock.advance(Duration.ofSeconds(61));

        JsonNode expired = user.next();
        SimulatorClient.Answer keepAlive = own.client.withApiKey("PUT", "/api/v3/userDataStream",
            BinanceQuery.empty().with("listenKey", listenKey));

        assertEquals("listenKeyExpired", expired.path("e").asText());
        assertEquals(listenKey, expired.path("listenKey").asText());
        assertEquals(-1125, keepAlive.code());
      }
    }
  }

  /** The pongs and the pings a client's socket received. */
  private record Heard(int pongs, int pings) {}

  private static long apply(JsonNode event, Map<BigDecimal, BigDecimal> bids, Map<BigDecimal, BigDecimal> asks) {
    event.path("b").forEach(l -> set(bids, l));
    event.path("a").forEach(l -> set(asks, l));
    return event.path("u").asLong();
  }

  private static void set(Map<BigDecimal, BigDecimal> side, JsonNode level) {
    BigDecimal price = new BigDecimal(level.path(0).asText());
    BigDecimal quantity = new BigDecimal(level.path(1).asText());
    if (quantity.signum() == 0) {
      side.remove(price);
    } else {
      side.put(price, quantity);
    }
  }

  private static Map<BigDecimal, BigDecimal> levels(JsonNode levels, Comparator<BigDecimal> order) {
    Map<BigDecimal, BigDecimal> side = new TreeMap<>(order);
    levels.forEach(l -> set(side, l));
    return side;
  }

  private static Set<String> assets(JsonNode position) {
    List<String> assets = new ArrayList<>();
    position.path("B").forEach(b -> assets.add(b.path("a").asText()));
    return Set.copyOf(assets);
  }

  private static Set<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return Set.copyOf(names);
  }
}
