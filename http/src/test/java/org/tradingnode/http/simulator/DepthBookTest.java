package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;

class DepthBookTest {
  private static final Instrument BTC = new Instrument("binance", "BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
      new BigDecimal("0.00001"), new BigDecimal("5"));

  @Test
  void diffsAppliedToASnapshotGiveEveryLaterSnapshot() {
    DepthBook book = new DepthBook(BTC, 10, new SplittableRandom(7));
    book.moveTouch(price("100.00"), qty("1"), price("100.05"), qty("2"));
    book.drain();
    DepthBook.Snapshot start = book.snapshot(1000);
    NavigableMap<BigDecimal, BigDecimal> bids = side(start.bids(), Comparator.reverseOrder());
    NavigableMap<BigDecimal, BigDecimal> asks = side(start.asks(), Comparator.naturalOrder());
    long last = start.lastUpdateId();
    SplittableRandom walk = new SplittableRandom(11);

    for (int step = 0; step < 200; step++) {
      BigDecimal bid = price("100.00").add(BigDecimal.valueOf(walk.nextInt(-30, 30), 2));
      book.moveTouch(bid, qty("1.5"), bid.add(BigDecimal.valueOf(walk.nextInt(1, 5), 2)), qty("0.7"));
      DepthBook.Diff diff = book.drain().orElseThrow();
      assertEquals(last + 1, diff.firstUpdateId(), "step " + step);
      diff.bids().forEach(l -> set(bids, l));
      diff.asks().forEach(l -> set(asks, l));
      last = diff.lastUpdateId();
    }

    DepthBook.Snapshot end = book.snapshot(1000);
    assertEquals(last, end.lastUpdateId());
    assertEquals(side(end.bids(), Comparator.reverseOrder()), bids);
    assertEquals(side(end.asks(), Comparator.naturalOrder()), asks);
  }

  @Test
  void theTouchIsTheQuoteAndTheBookNeverCrosses() {
    DepthBook book = new DepthBook(BTC, 10, new SplittableRandom(3));
    book.moveTouch(price("100.00"), qty("1"), price("100.05"), qty("2"));

    book.moveTouch(price("101.00"), qty("0.5"), price("101.01"), qty("0.25"));
    DepthBook.Snapshot snapshot = book.snapshot(1000);

    assertEquals(new DepthBook.Level(price("101.00"), qty("0.50000")), snapshot.bids().get(0));
    assertEquals(new DepthBook.Level(price("101.01"), qty("0.25000")), snapshot.asks().get(0));
    assertTrue(snapshot.bids().stream().allMatch(l -> l.price().compareTo(price("101.00")) <= 0));
    assertTrue(snapshot.asks().stream().allMatch(l -> l.price().compareTo(price("101.01")) >= 0));
    assertTrue(snapshot.bids().size() >= 10 && snapshot.asks().size() >= 10);
  }

  private static void set(NavigableMap<BigDecimal, BigDecimal> side, DepthBook.Level level) {
    if (level.quantity().signum() == 0) {
      side.remove(level.price());
    } else {
      side.put(level.price(), level.quantity());
    }
  }

  private static NavigableMap<BigDecimal, BigDecimal> side(List<DepthBook.Level> levels, Comparator<BigDecimal> order) {
    NavigableMap<BigDecimal, BigDecimal> side = new TreeMap<>(order);
    levels.forEach(l -> set(side, l));
    return side;
  }

  private static BigDecimal price(String value) {
    return new BigDecimal(value);
  }

  private static BigDecimal qty(String value) {
    return new BigDecimal(value);
  }
}
