package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;

/**
 * Every payload has the field names and JSON types of the exchange's documented example (the
 * extracts in {@code shared/data/exchange_payloads/binance}), nested objects and list elements
 * included. Fields the documentation marks as conditional are left out where they do not apply.
 */
class BinanceSimulatorPayloadShapeTest {
  private static final String REST = "binance_spot_rest_api_examples.json";
  private static final String USER = "binance_spot_user_data_stream.json";
  private static final String MARKET = "binance_spot_ws_market_streams.json";

  private static SimulatorFixture venue;

  @BeforeAll
  static void start() {
    venue = SimulatorFixture.start();
  }

  @AfterAll
  static void stop() {
    venue.close();
  }

  @Test
  void publicRestAnswersHaveTheDocumentedShape() throws Exception {
    JsonNode time = venue.client.publicGet("/api/v3/time", BinanceQuery.empty()).body();
    JsonNode depth = venue.client.publicGet("/api/v3/depth", BinanceQuery.empty().with("symbol", "BTCUSDT")).body();
    JsonNode info = venue.client.publicGet("/api/v3/exchangeInfo", BinanceQuery.empty()).body();
    ObjectNode documentedInfo = (ObjectNode) documented(REST, 3, "Exchange information").deepCopy();
    documentedInfo.remove("sors");

    assertSameShape(documented(REST, 2, "Check server time"), time, "time");
    assertSameShape(documented(REST, 5, "Order book"), depth, "depth");
    assertSameShape(documentedInfo, info, "exchangeInfo");
  }

  @Test
  void orderAnswersHaveTheDocumentedShape() throws Exception {
    JsonNode ack = venue.client.signed("POST", "/api/v3/order", BinanceSimulatorOrderTest
        .limitBuy("ETHUSDT", "0.0100", "1000.00", "shape-ack").with("newOrderRespType", "ACK")).body();
    JsonNode result = venue.client.signed("POST", "/api/v3/order", BinanceSimulatorOrderTest
        .limitBuy("ETHUSDT", "0.0100", "1000.00", "shape-result").with("newOrderRespType", "RESULT")).body();
    JsonNode full = venue.client.signed("POST", "/api/v3/order", BinanceQuery.empty().with("symbol", "BTCUSDT")
        .with("side", "BUY").with("type", "MARKET").with("quantity", "0.00100")).body();
    JsonNode query = venue.client.signed("GET", "/api/v3/order", BinanceQuery.empty().with("symbol", "ETHUSDT")
        .with("origClientOrderId", "shape-result")).body();
    JsonNode open = venue.client.signed("GET", "/api/v3/openOrders", BinanceQuery.empty()
        .with("symbol", "ETHUSDT")).body();
    JsonNode cancel = venue.client.signed("DELETE", "/api/v3/order", BinanceQuery.empty().with("symbol", "ETHUSDT")
        .with("origClientOrderId", "shape-ack")).body();

    assertTrue(full.path("fills").size() > 0, full.toString());
    assertSameShape(documented(REST, 35, "New order (TRADE)"), ack, "ACK");
    assertSameShape(documented(REST, 36, "New order (TRADE)"), result, "RESULT");
    assertSameShape(documented(REST, 37, "New order (TRADE)"), full, "FULL");
    assertSameShape(documented(REST, 63, "Query order (USER_DATA)"), query, "query order");
    assertSameShape(documented(REST, 64, "Current open orders (USER_DATA)"), open, "open orders");
    assertSameShape(documented(REST, 40, "Cancel order (TRADE)"), cancel, "cancel");
  }

  @Test
  void accountAnswersHaveTheDocumentedShape() throws Exception {
    venue.client.signed("POST", "/api/v3/order", BinanceQuery.empty().with("symbol", "SOLUSDT")
        .with("side", "BUY").with("type", "MARKET").with("quantity", "0.100"));
    JsonNode account = venue.client.signed("GET", "/api/v3/account", BinanceQuery.empty()).body();
    JsonNode trades = venue.client.signed("GET", "/api/v3/myTrades", BinanceQuery.empty()
        .with("symbol", "SOLUSDT")).body();

    assertTrue(trades.size() > 0);
    assertSameShape(documented(REST, 62, "Account information (USER_DATA)"), account, "account");
    assertSameShape(documented(REST, 69, "Account trade list (USER_DATA)"), trades, "myTrades");
  }

  @Test
  void userDataEventsHaveTheDocumentedShape() throws Exception {
    String listenKey = venue.client.withApiKey("POST", "/api/v3/userDataStream", BinanceQuery.empty())
        .body().path("listenKey").asText();
    try (StreamClient user = venue.stream("/ws/" + listenKey)) {
      venue.client.signed("POST", "/api/v3/order",
          BinanceSimulatorOrderTest.limitBuy("ETHUSDT", "0.0100", "1000.00", "shape-event"));

      JsonNode report = user.next(m -> m.path("e").asText().equals("executionReport"));
      JsonNode position = user.next(m -> m.path("e").asText().equals("outboundAccountPosition"));
      ObjectNode documentedReport = (ObjectNode) documented(USER, 2, "Order Update").path("event").deepCopy();
      documentedReport.remove("v");

      assertSameShape(documentedReport, report, "executionReport");
      assertSameShape(documented(USER, 0, "Account Update").path("event"), position, "outboundAccountPosition");
    }
  }

  @Test
  void marketStreamPayloadsHaveTheDocumentedShape() throws Exception {
    try (StreamClient market = venue.stream("/ws")) {
      market.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\","
          + "\"btcusdt@depth@100ms\"],\"id\":1}");

      JsonNode subscribed = market.next(m -> m.has("result"));
      JsonNode trade = market.next(m -> m.path("e").asText().equals("trade"));
      JsonNode ticker = market.next(m -> m.has("u") && !m.has("e"));
      JsonNode diff = market.next(m -> m.path("e").asText().equals("depthUpdate"));

      assertSameShape(documented(MARKET, 3, "Subscribe to a stream"), subscribed, "subscribe answer");
      assertSameShape(documented(MARKET, 14, "Trade Streams"), trade, "trade");
      assertSameShape(documented(MARKET, 23, "Individual Symbol Book Ticker Streams"), ticker, "bookTicker");
      assertSameShape(documented(MARKET, 26, "Diff. Depth Stream"), diff, "depthUpdate");
    }
  }

  /** The parsed example of one block of a documentation extract, checked to be the named section. */
  private static JsonNode documented(String file, int block, String section) throws IOException {
    Path path = Path.of(System.getProperty("shared.data.dir"), "exchange_payloads", "binance", file);
    JsonNode entry = SimulatorClient.JSON.readTree(path.toFile()).path("blocks").path(block);
    assertTrue(entry.path("section").asText().endsWith(section), "block " + block + " of " + file + " is "
        + entry.path("section").asText());
    assertTrue(entry.path("parse_ok").asBoolean(), "block " + block + " of " + file + " did not parse");
    return entry.path("parsed");
  }

  /**
   * Same field names and JSON types, recursively; lists compare their first elements, skipped where
   * either list is empty or the documentation's element is an empty placeholder object.
   */
  private static void assertSameShape(JsonNode documented, JsonNode ours, String where) {
    if (documented.isObject()) {
      assertTrue(ours.isObject(), where + " is not an object: " + ours);
      assertEquals(fieldNames(documented), fieldNames(ours), where + ": field names");
      documented.properties().forEach(f -> assertSameShape(f.getValue(), ours.get(f.getKey()),
          where + "." + f.getKey()));
    } else if (documented.isArray()) {
      assertTrue(ours.isArray(), where + " is not a list: " + ours);
      boolean placeholder = documented.size() > 0 && documented.get(0).isObject() && documented.get(0).isEmpty();
      if (documented.size() > 0 && ours.size() > 0 && !placeholder) {
        assertSameShape(documented.get(0), ours.get(0), where + "[0]");
      }
    } else {
      assertEquals(documented.getNodeType(), ours.getNodeType(), where + ": JSON type");
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
