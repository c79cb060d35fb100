package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;

/** Signed order round trips against a running simulator, through a plain HTTP client. */
class BinanceSimulatorOrderTest {
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
  void limitOrderIsPlacedQueriedListedAndCancelled() throws Exception {
    BinanceQuery order = limitBuy("ETHUSDT", "0.0100", "1000.00", "round-trip-1");

    SimulatorClient.Answer placed = venue.client.signed("POST", "/api/v3/order", order);
    long orderId = placed.body().path("orderId").asLong();
    SimulatorClient.Answer queried = venue.client.signed("GET", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("origClientOrderId", "round-trip-1"));
    SimulatorClient.Answer open = venue.client.signed("GET", "/api/v3/openOrders",
        BinanceQuery.empty().with("symbol", "ETHUSDT"));
    SimulatorClient.Answer cancelled = venue.client.signed("DELETE", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("orderId", orderId));
    SimulatorClient.Answer afterCancel = venue.client.signed("GET", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("orderId", orderId));

    assertEquals(200, placed.status(), placed.body().toString());
    assertEquals("NEW", placed.body().path("status").asText());
    assertEquals("round-trip-1", placed.body().path("clientOrderId").asText());
    assertEquals(orderId, queried.body().path("orderId").asLong());
    assertEquals("1000.00000000", queried.body().path("price").asText());
    assertEquals("0.01000000", queried.body().path("origQty").asText());
    assertTrue(clientIds(open.body()).contains("round-trip-1"));
    assertEquals("CANCELED", cancelled.body().path("status").asText());
    assertEquals("round-trip-1", cancelled.body().path("origClientOrderId").asText());
    assertEquals("CANCELED", afterCancel.body().path("status").asText());
  }

  @Test
  void orderIdsIncreasePerSymbol() throws Exception {
    long first = venue.client.signed("POST", "/api/v3/order", limitBuy("SOLUSDT", "1.000", "50.00", "ids-1"))
        .body().path("orderId").asLong();
    long second = venue.client.signed("POST", "/api/v3/order", limitBuy("SOLUSDT", "1.000", "50.00", "ids-2"))
        .body().path("orderId").asLong();

    assertTrue(second > first, first + " then " + second);
  }

  @Test
  void marketOrderFillsAtOnceWithAFullResponseAndShowsInTradesAndAccount() throws Exception {
    BigDecimal btcBefore = free(venue.client.signed("GET", "/api/v3/account", BinanceQuery.empty()).body(), "BTC");

    SimulatorClient.Answer placed = venue.client.signed("POST", "/api/v3/order", BinanceQuery.empty()
        .with("symbol", "BTCUSDT").with("side", "BUY").with("type", "MARKET").with("quantity", "0.00100")
        .with("newClientOrderId", "market-1"));
    JsonNode trades = venue.client.signed("GET", "/api/v3/myTrades",
        BinanceQuery.empty().with("symbol", "BTCUSDT").with("orderId", placed.body().path("orderId").asLong())).body();
    BigDecimal btcAfter = free(venue.client.signed("GET", "/api/v3/account", BinanceQuery.empty()).body(), "BTC");

    assertEquals(200, placed.status(), placed.body().toString());
    assertEquals("FILLED", placed.body().path("status").asText());
    assertEquals("0.00100000", placed.body().path("executedQty").asText());
    JsonNode fill = placed.body().path("fills").path(0);
    assertEquals("0.00100000", fill.path("qty").asText());
    assertEquals("USDT", fill.path("commissionAsset").asText());
    assertEquals(1, trades.size());
    assertEquals(fill.path("tradeId").asLong(), trades.path(0).path("id").asLong());
    assertTrue(trades.path(0).path("isBuyer").asBoolean());
    assertFalse(trades.path(0).path("isMaker").asBoolean());
    assertEquals(0, btcAfter.subtract(btcBefore).compareTo(new BigDecimal("0.001")));
  }

  @Test
  void myTradesPagesByFromIdAndLimit() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(venue.client.signed("POST", "/api/v3/order", BinanceQuery.empty().with("symbol", "ETHUSDT")
          .with("side", "SELL").with("type", "MARKET").with("quantity", "0.0100")).body()
          .path("fills").path(0).path("tradeId").asLong());
    }

    JsonNode latest = venue.client.signed("GET", "/api/v3/myTrades",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("limit", 2)).body();
    JsonNode fromFirst = venue.client.signed("GET", "/api/v3/myTrades",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("fromId", ids.get(0)).with("limit", 2)).body();

    assertEquals(List.of(ids.get(1), ids.get(2)), tradeIds(latest));
    assertEquals(List.of(ids.get(0), ids.get(1)), tradeIds(fromFirst));
  }

  @Test
  void newOrderRespTypeAckAnswersOnlyTheIds() throws Exception {
    SimulatorClient.Answer placed = venue.client.signed("POST", "/api/v3/order",
        limitBuy("ETHUSDT", "0.0100", "1000.00", "ack-1").with("newOrderRespType", "ACK"));

    assertEquals(List.of("symbol", "orderId", "orderListId", "clientOrderId", "transactTime"),
        fieldNames(placed.body()));
  }

  @Test
  void aGeneratedClientOrderIdWhenNoneIsSent() throws Exception {
    SimulatorClient.Answer placed = venue.client.signed("POST", "/api/v3/order", BinanceQuery.empty()
        .with("symbol", "ETHUSDT").with("side", "BUY").with("type", "LIMIT").with("timeInForce", "GTC")
        .with("quantity", "0.0100").with("price", "1000.00"));

    assertTrue(placed.body().path("clientOrderId").asText().matches("[A-Za-z0-9]{22}"), placed.body().toString());
  }

  @Test
  void aDuplicateClientOrderIdOfAnOpenOrderIsRejected() throws Exception {
    venue.client.signed("POST", "/api/v3/order", limitBuy("ETHUSDT", "0.0100", "1000.00", "dup-1"));

    SimulatorClient.Answer again = venue.client.signed("POST", "/api/v3/order",
        limitBuy("ETHUSDT", "0.0200", "1001.00", "dup-1"));

    assertEquals(400, again.status());
    assertEquals(-2010, again.code());
    assertEquals("Duplicate order sent.", again.msg());
    assertEquals(1, venue.adminState().path("orders").path("demo").path("dup-1").asInt());
  }

  @Test
  void filterFailuresAnswerMinus1013() throws Exception {
    SimulatorClient.Answer offTick = venue.client.signed("POST", "/api/v3/order",
        limitBuy("ETHUSDT", "0.0100", "1000.005", "filter-1"));
    SimulatorClient.Answer offLot = venue.client.signed("POST", "/api/v3/order",
        limitBuy("ETHUSDT", "0.01005", "1000.00", "filter-2"));
    SimulatorClient.Answer tooSmall = venue.client.signed("POST", "/api/v3/order",
        limitBuy("ETHUSDT", "0.0010", "1000.00", "filter-3"));

    assertEquals(List.of(-1013, -1013, -1013), List.of(offTick.code(), offLot.code(), tooSmall.code()));
    assertEquals("Filter failure: PRICE_FILTER", offTick.msg());
    assertEquals("Filter failure: LOT_SIZE", offLot.msg());
    assertEquals("Filter failure: NOTIONAL", tooSmall.msg());
  }

  @Test
  void insufficientBalanceIsRejectedWithMinus2010() throws Exception {
    SimulatorClient.Answer answer = venue.client.signed("POST", "/api/v3/order",
        limitBuy("BTCUSDT", "100.00000", "50000.00", "too-big"));

    assertEquals(-2010, answer.code());
    assertEquals("Account has insufficient balance for requested action.", answer.msg());
  }

  @Test
  void unknownSymbolsAndOrdersHaveTheirOwnCodes() throws Exception {
    SimulatorClient.Answer unknownSymbol = venue.client.signed("POST", "/api/v3/order",
        limitBuy("DOGEUSDT", "1", "1.00", "nope"));
    SimulatorClient.Answer cancelUnknown = venue.client.signed("DELETE", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("origClientOrderId", "never-placed"));
    SimulatorClient.Answer queryUnknown = venue.client.signed("GET", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("orderId", 999_999));
    SimulatorClient.Answer missingSide = venue.client.signed("POST", "/api/v3/order",
        BinanceQuery.empty().with("symbol", "ETHUSDT").with("type", "MARKET").with("quantity", "1"));

    assertEquals(-1121, unknownSymbol.code());
    assertEquals(-2011, cancelUnknown.code());
    assertEquals("Unknown order sent.", cancelUnknown.msg());
    assertEquals(-2013, queryUnknown.code());
    assertEquals("Order does not exist.", queryUnknown.msg());
    assertEquals(-1102, missingSide.code());
    assertEquals("Mandatory parameter 'side' was not sent, was empty/null, or malformed.", missingSide.msg());
  }

  @Test
  void depthAndExchangeInfoArePublic() throws Exception {
    SimulatorClient.Answer depth = venue.client.publicGet("/api/v3/depth",
        BinanceQuery.empty().with("symbol", "BTCUSDT").with("limit", 5));
    SimulatorClient.Answer info = venue.client.publicGet("/api/v3/exchangeInfo",
        BinanceQuery.empty().with("symbol", "BTCUSDT"));

    assertEquals(5, depth.body().path("bids").size());
    assertTrue(new BigDecimal(depth.body().path("bids").path(0).path(0).asText())
        .compareTo(new BigDecimal(depth.body().path("asks").path(0).path(0).asText())) < 0);
    JsonNode filters = info.body().path("symbols").path(0).path("filters");
    assertEquals("PRICE_FILTER", filters.path(0).path("filterType").asText());
    assertEquals("0.01000000", filters.path(0).path("tickSize").asText());
    assertEquals("0.00001000", filters.path(1).path("stepSize").asText());
  }

  static BinanceQuery limitBuy(String symbol, String quantity, String price, String clientOrderId) {
    return BinanceQuery.empty().with("symbol", symbol).with("side", "BUY").with("type", "LIMIT")
        .with("timeInForce", "GTC").with("quantity", quantity).with("price", price)
        .with("newClientOrderId", clientOrderId);
  }

  private static List<String> clientIds(JsonNode orders) {
    List<String> ids = new ArrayList<>();
    orders.forEach(o -> ids.add(o.path("clientOrderId").asText()));
    return ids;
  }

  private static List<Long> tradeIds(JsonNode trades) {
    List<Long> ids = new ArrayList<>();
    trades.forEach(t -> ids.add(t.path("id").asLong()));
    return ids;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static BigDecimal free(JsonNode account, String asset) {
    for (JsonNode b : account.path("balances")) {
      if (b.path("asset").asText().equals(asset)) {
        return new BigDecimal(b.path("free").asText());
      }
    }
    throw new AssertionError("no balance of " + asset + " in " + account);
  }
}
