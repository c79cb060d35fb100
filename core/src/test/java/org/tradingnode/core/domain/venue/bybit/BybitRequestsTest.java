package org.tradingnode.core.domain.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BybitRequestsTest {

  @Test
  void subscribeListsTheTopicsAsArgs() {
    assertEquals(List.of("{\"op\":\"subscribe\",\"args\":[\"orderbook.50.BTCUSDT\",\"publicTrade.BTCUSDT\"]}"),
        BybitRequests.subscribe(List.of(BybitTopics.orderBook(50, "BTCUSDT"), BybitTopics.publicTrade("BTCUSDT"))));
    assertEquals(List.of("{\"op\":\"unsubscribe\",\"args\":[\"allLiquidation.ROSEUSDT\"]}"),
        BybitRequests.unsubscribe(List.of(BybitTopics.allLiquidation("ROSEUSDT"))));
  }

  @Test
  void moreThanTenTopicsAreSplitAcrossRequestsBecauseSpotTakesTenAtMost() {
    List<String> topics = IntStream.range(0, 12).mapToObj(i -> "publicTrade.S" + i + "USDT").toList();

    List<String> requests = BybitRequests.subscribe(topics);

    assertEquals(2, requests.size());
    assertTrue(requests.get(0).contains("\"publicTrade.S9USDT\"]"));
    assertEquals("{\"op\":\"subscribe\",\"args\":[\"publicTrade.S10USDT\",\"publicTrade.S11USDT\"]}", requests.get(1));
  }

  @Test
  void pingIsTheBareOp() {
    assertEquals("{\"op\":\"ping\"}", BybitRequests.ping());
  }

  @Test
  void aRequestWithoutTopicsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BybitRequests.subscribe(List.of()));
  }

  @Test
  void onlyNumberedDepthsAreOrderBookTopics() {
    assertTrue(BybitTopics.isOrderBook("orderbook.500.XRPUSDT"));
    assertFalse(BybitTopics.isOrderBook("orderbook.rpi.BTCUSDT"));
    assertFalse(BybitTopics.isOrderBook("orderbook..BTCUSDT"));
    assertFalse(BybitTopics.isOrderBook("publicTrade.BTCUSDT"));
    assertThrows(IllegalArgumentException.class, () -> BybitTopics.orderBook(0, "BTCUSDT"));
  }
}
