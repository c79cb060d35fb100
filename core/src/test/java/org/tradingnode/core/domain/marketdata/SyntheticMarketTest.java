package org.tradingnode.core.domain.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.OrderBook;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

class SyntheticMarketTest {

  private static final String SYMBOL = "BTCUSDT";
  private static final double TICK = 0.01;
  private static final int LONG_RUN = 100_000;

  private static SyntheticMarket market(long seed) {
    return new SyntheticMarket(SYMBOL, 100.0, TICK, seed);
  }

  @Test
  void sameSeedProducesIdenticalSequence() {
    assertEquals(market(42).run(0, 100, 5_000), market(42).run(0, 100, 5_000));
  }

  @Test
  void differentSeedsProduceDifferentSequences() {
    assertNotEquals(market(1).run(0, 100, 1_000), market(2).run(0, 100, 1_000));
  }

  @Test
  void firstStepIsAQuoteAndASnapshotWithoutTrades() {
    List<MarketEvent> first = market(7).next(1_000);

    assertEquals(2, first.size());
    Quote quote = assertInstanceOf(Quote.class, first.get(0));
    BookDelta snapshot = assertInstanceOf(BookDelta.class, first.get(1));
    assertTrue(snapshot.snapshot());
    assertEquals(100.0, quote.mid(), 0.05);
  }

  @Test
  void everyEventCarriesTheGivenTimestampAndSymbol() {
    SyntheticMarket market = market(3);
    for (long time = 1_000; time < 101_000; time += 250) {
      for (MarketEvent event : market.next(time)) {
        assertEquals(time, event.timestamp());
        assertEquals(SYMBOL, event.symbol());
      }
    }
  }

  @Test
  void timestampBeforeThePreviousStepIsRejected() {
    SyntheticMarket market = market(3);
    market.next(1_000);

    assertThrows(IllegalArgumentException.class, () -> market.next(999));
  }

  @Test
  void startPriceOfFewerThanAHundredTicksIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(SYMBOL, 0.5, TICK, 1));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(SYMBOL, 100, 0, 1));
  }

  @Test
  void pricesStayOnTickAndBidBelowAsk() {
    double tick = 0.05;
    SyntheticMarket market = new SyntheticMarket("ETHUSDT", 20.0, tick, 11);
    for (MarketEvent event : market.run(0, 1_000, 20_000)) {
      for (double price : prices(event)) {
        assertOnTick(price, tick);
        assertTrue(price > 0, () -> "non-positive price in " + event);
      }
      if (event instanceof Quote quote) {
        assertTrue(quote.bidPrice() < quote.askPrice(), () -> "crossed " + quote);
      }
    }
  }

  @Test
  void snapshotsComeEveryIntervalWithTenLevelsPerSideTopEqualToTheQuote() {
    SyntheticMarket market = market(5);
    int snapshots = 0;
    for (int step = 0; step < 10 * SyntheticMarket.SNAPSHOT_INTERVAL; step++) {
      List<MarketEvent> events = market.next(step);
      BookDelta snapshot = findLast(events, BookDelta.class);
      assertEquals(step % SyntheticMarket.SNAPSHOT_INTERVAL == 0, snapshot != null);
      if (snapshot != null) {
        snapshots++;
        Quote quote = findLast(events, Quote.class);
        OrderBook book = new OrderBook();
        assertTrue(book.apply(snapshot));
        assertEquals(new PriceLevel(quote.bidPrice(), quote.bidSize()), book.bestBid());
        assertEquals(new PriceLevel(quote.askPrice(), quote.askSize()), book.bestAsk());
        assertEquals(SyntheticMarket.BOOK_LEVELS, book.bidLevels(100).size());
        assertEquals(SyntheticMarket.BOOK_LEVELS, book.askLevels(100).size());
      }
    }
    assertEquals(10, snapshots);
  }

  @Test
  void tradesHitTheStandingQuoteWithIncreasingIds() {
    Quote standing = null;
    long lastTradeId = 0;
    int trades = 0;
    for (MarketEvent event : market(9).run(0, 100, 20_000)) {
      if (event instanceof Quote quote) {
        standing = quote;
      } else if (event instanceof Trade trade) {
        trades++;
        assertTrue(trade.tradeId() > lastTradeId);
        lastTradeId = trade.tradeId();
        assertTrue(trade.quantity() > 0);
        Quote quote = standing;
        double expected = trade.aggressor() == Side.BUY ? quote.askPrice() : quote.bidPrice();
        assertEquals(expected, trade.price(), () -> trade + " against " + quote);
      }
    }
    assertTrue(trades > 10_000, "trades: " + trades);
  }

  @Test
  void aggressorsMostlyFollowThePriceMove() {
    SyntheticMarket market = market(13);
    double previousMid = findLast(market.next(0), Quote.class).mid();
    int following = 0;
    int against = 0;
    for (int step = 1; step < 20_000; step++) {
      List<MarketEvent> events = market.next(step);
      Quote quote = findLast(events, Quote.class);
      if (quote == null || quote.mid() == previousMid) {
        continue;
      }
      Side priceSide = quote.mid() > previousMid ? Side.BUY : Side.SELL;
      for (MarketEvent event : events) {
        if (event instanceof Trade trade) {
          if (trade.aggressor() == priceSide) {
            following++;
          } else {
            against++;
          }
        }
      }
      previousMid = quote.mid();
    }
    assertTrue(following > 2 * against, "following " + following + ", against " + against);
  }

  @Test
  void quotesNeverCrossAndPricesStayPositiveOverAHundredThousandSteps() {
    SyntheticMarket market = market(2024);
    for (int step = 0; step < LONG_RUN; step++) {
      for (MarketEvent event : market.next(step)) {
        if (event instanceof Quote quote
            && !(quote.bidPrice() > 0 && quote.bidPrice() < quote.askPrice())) {
          fail("step " + step + ": " + quote);
        }
        if (event instanceof BookDelta snapshot) {
          OrderBook book = new OrderBook();
          book.apply(snapshot);
          boolean positive = book.bidLevels(100).stream().allMatch(level -> level.price() > 0);
          if (book.isCrossed() || !positive) {
            fail("step " + step + ": " + snapshot);
          }
        }
      }
    }
  }

  @Test
  void bothTrendDirectionsOccurAndMoveThePriceTheirWay() {
    SyntheticMarket market = market(77);
    Map<TrendRegime, Integer> steps = new EnumMap<>(TrendRegime.class);
    Map<TrendRegime, Double> logReturns = new EnumMap<>(TrendRegime.class);
    double previousMid = 100.0;
    for (int step = 0; step < LONG_RUN; step++) {
      Quote quote = findLast(market.next(step), Quote.class);
      if (quote != null) {
        logReturns.merge(market.trend(), Math.log(quote.mid() / previousMid), Double::sum);
        previousMid = quote.mid();
      }
      steps.merge(market.trend(), 1, Integer::sum);
    }
    assertTrue(steps.getOrDefault(TrendRegime.UP, 0) > 5_000, "steps per trend: " + steps);
    assertTrue(steps.getOrDefault(TrendRegime.DOWN, 0) > 5_000, "steps per trend: " + steps);
    assertTrue(logReturns.get(TrendRegime.UP) > 0, "log returns per trend: " + logReturns);
    assertTrue(logReturns.get(TrendRegime.DOWN) < 0, "log returns per trend: " + logReturns);
  }

  @Test
  void volatileRegimeWidensTheSpread() {
    SyntheticMarket market = market(99);
    Map<VolatilityRegime, Double> relativeSpreads = new EnumMap<>(VolatilityRegime.class);
    Map<VolatilityRegime, Integer> quotes = new EnumMap<>(VolatilityRegime.class);
    for (int step = 0; step < LONG_RUN; step++) {
      Quote quote = findLast(market.next(step), Quote.class);
      if (quote != null) {
        double spread = (quote.askPrice() - quote.bidPrice()) / quote.mid();
        relativeSpreads.merge(market.volatility(), spread, Double::sum);
        quotes.merge(market.volatility(), 1, Integer::sum);
      }
    }
    assertTrue(quotes.getOrDefault(VolatilityRegime.VOLATILE, 0) > 5_000, "quotes: " + quotes);
    double calmSpread =
        relativeSpreads.get(VolatilityRegime.CALM) / quotes.get(VolatilityRegime.CALM);
    double volatileSpread =
        relativeSpreads.get(VolatilityRegime.VOLATILE) / quotes.get(VolatilityRegime.VOLATILE);
    assertTrue(
        volatileSpread > 2 * calmSpread,
        "mean relative spread calm " + calmSpread + ", volatile " + volatileSpread);
  }

  @Test
  void occasionalJumpsMoveThePriceFarMoreThanOrdinarySteps() {
    SyntheticMarket market = market(31);
    double previousMid = 100.0;
    int bigMoves = 0;
    for (int step = 0; step < LONG_RUN; step++) {
      Quote quote = findLast(market.next(step), Quote.class);
      if (quote != null) {
        if (Math.abs(Math.log(quote.mid() / previousMid)) > 0.01) {
          bigMoves++;
        }
        previousMid = quote.mid();
      }
    }
    assertTrue(bigMoves > 5 && bigMoves < 1_000, "moves above 1%: " + bigMoves);
  }

  private static double[] prices(MarketEvent event) {
    if (event instanceof Quote quote) {
      return new double[] {quote.bidPrice(), quote.askPrice()};
    }
    if (event instanceof Trade trade) {
      return new double[] {trade.price()};
    }
    BookDelta delta = (BookDelta) event;
    return Stream.concat(delta.bids().stream(), delta.asks().stream())
        .mapToDouble(PriceLevel::price)
        .toArray();
  }

  /** On the grid in decimal terms: the printed price is a whole multiple of the tick. */
  private static void assertOnTick(double price, double tick) {
    BigDecimal remainder = BigDecimal.valueOf(price).remainder(BigDecimal.valueOf(tick));
    assertEquals(0, remainder.signum(), () -> price + " is not on a " + tick + " tick");
  }

  private static <T extends MarketEvent> T findLast(List<MarketEvent> events, Class<T> type) {
    T found = null;
    for (MarketEvent event : events) {
      if (type.isInstance(event)) {
        found = type.cast(event);
      }
    }
    return found;
  }
}
