package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceSigner;

/**
 * The WebSocket API's user data stream: a subscription signed like a SIGNED request (parameters
 * sorted by name), answered with its id, then every event of the account wrapped with that id.
 */
class BinanceSimulatorWsApiTest {
  private SimulatorFixture venue;

  @BeforeEach
  void start() {
    venue = SimulatorFixture.start();
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  private String subscribe(String id, String secret) {
    BinanceQuery params = BinanceQuery.empty().with("apiKey", SimulatorAccount.DEMO_API_KEY)
        .with("timestamp", venue.clock.millis());
    String signature = new BinanceSigner(secret).sign(params.encoded());
    return "{\"id\": \"" + id + "\", \"method\": \"userDataStream.subscribe.signature\", \"params\": {\"apiKey\": \""
        + SimulatorAccount.DEMO_API_KEY + "\", \"timestamp\": " + venue.clock.millis() + ", \"signature\": \""
        + signature + "\"}}";
  }

  @Test
  void aSignedSubscriptionReceivesTheAccountsEventsWrappedWithItsId() throws Exception {
    try (StreamClient api = venue.stream("/ws-api/v3")) {
      api.send(subscribe("sub-1", SimulatorAccount.DEMO_API_SECRET));
      JsonNode answer = api.next();

      venue.client.signed("POST", "/api/v3/order", BinanceSimulatorOrderTest.limitBuy("BTCUSDT", "0.01000", "1000.00",
          "wsapi-1"));
      JsonNode event = api.next(m -> m.has("subscriptionId"));

      assertEquals("sub-1", answer.path("id").asText());
      assertEquals(200, answer.path("status").asInt());
      assertEquals(0, answer.path("result").path("subscriptionId").asInt());
      assertEquals(0, event.path("subscriptionId").asInt());
      assertEquals("executionReport", event.path("event").path("e").asText());
      assertEquals("wsapi-1", event.path("event").path("c").asText());
    }
  }

  @Test
  void aSubscriptionSignedWithTheWrongSecretIsRefusedWithMinus1022() throws Exception {
    try (StreamClient api = venue.stream("/ws-api/v3")) {
      api.send(subscribe("sub-2", "NotTheSecret"));
      JsonNode answer = api.next();

      assertEquals("sub-2", answer.path("id").asText());
      assertEquals(400, answer.path("status").asInt());
      assertEquals(-1022, answer.path("error").path("code").asInt());
    }
  }

  @Test
  void anUnknownMethodIsAnsweredAsUnsupported() throws Exception {
    try (StreamClient api = venue.stream("/ws-api/v3")) {
      api.send("{\"id\": 7, \"method\": \"order.teleport\"}");

      JsonNode answer = api.next();

      assertEquals(7, answer.path("id").asInt());
      assertEquals(-1020, answer.path("error").path("code").asInt());
    }
  }
}
