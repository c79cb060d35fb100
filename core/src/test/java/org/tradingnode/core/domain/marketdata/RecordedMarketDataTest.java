package org.tradingnode.core.domain.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

class RecordedMarketDataTest {

  @Test
  void mergesTheRecordedTradesAndQuotesInTimestampOrder() {
    List<MarketEvent> merged;
    try (var trades = new RecordedTradesReader(RecordedTradesReaderTest.TRADES, "BTCUSDT");
        var quotes = new RecordedQuotesReader(RecordedQuotesReaderTest.QUOTES, "BTCUSDT")) {
      merged = toList(RecordedMarketData.merge(trades, quotes));
    }

    assertEquals(2001 + 451, merged.size());
    assertEquals(2001, merged.stream().filter(Trade.class::isInstance).count());
    for (int i = 1; i < merged.size(); i++) {
      long previous = merged.get(i - 1).timestamp();
      assertTrue(previous <= merged.get(i).timestamp(), "out of order at " + i);
    }
  }

  @Test
  void mergeIsStableAndPutsTheFirstStreamFirstOnEqualTimestamps() {
    Trade t1 = trade(1, 10);
    Trade t2 = trade(2, 20);
    Trade t3 = trade(3, 20);
    Quote q1 = quote(1, 5);
    Quote q2 = quote(2, 20);
    Quote q3 = quote(3, 20);
    Quote q4 = quote(4, 30);
    Iterator<Trade> trades = List.of(t1, t2, t3).iterator();
    Iterator<Quote> quotes = List.of(q1, q2, q3, q4).iterator();

    List<MarketEvent> merged = toList(RecordedMarketData.merge(trades, quotes));

    assertEquals(List.of(q1, t1, t2, t3, q2, q3, q4), merged);
  }

  @Test
  void mergeOfEmptyStreamsIsEmpty() {
    Iterator<MarketEvent> merged =
        RecordedMarketData.merge(List.<Trade>of().iterator(), List.<Quote>of().iterator());

    assertFalse(merged.hasNext());
    assertThrows(NoSuchElementException.class, merged::next);
  }

  private static Trade trade(long id, long timestamp) {
    return new Trade("X", timestamp, id, 100.0, 1.0, Side.BUY);
  }

  /** The number goes into the bid size so that quotes with equal timestamps differ. */
  private static Quote quote(int number, long timestamp) {
    return new Quote("X", timestamp, 99.0, number, 101.0, 1.0);
  }

  private static List<MarketEvent> toList(Iterator<MarketEvent> events) {
    List<MarketEvent> list = new ArrayList<>();
    events.forEachRemaining(list::add);
    return list;
  }
}
