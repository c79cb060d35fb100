package org.tradingnode.core.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {

  private static final String SYMBOL = "BTCUSDT";

  private final OrderBook book = new OrderBook();

  @Test
  void newBookIsEmptyAndNotCrossed() {
    assertNull(book.bestBid());
    assertNull(book.bestAsk());
    assertEquals(List.of(), book.bidLevels(5));
    assertEquals(List.of(), book.askLevels(5));
    assertEquals(0, book.lastUpdateId());
    assertFalse(book.isCrossed());
  }

  @Test
  void snapshotSetsBothSidesBestFirst() {
    BookDelta snapshot =
        snapshot(100, levels(99.0, 1, 100.0, 2, 98.5, 3), levels(101.0, 4, 100.5, 5));

    assertTrue(book.apply(snapshot));

    assertEquals(new PriceLevel(100.0, 2), book.bestBid());
    assertEquals(new PriceLevel(100.5, 5), book.bestAsk());
    assertEquals(
        List.of(new PriceLevel(100.0, 2), new PriceLevel(99.0, 1), new PriceLevel(98.5, 3)),
        book.bidLevels(10));
    assertEquals(List.of(new PriceLevel(100.5, 5), new PriceLevel(101.0, 4)), book.askLevels(10));
    assertEquals(100, book.lastUpdateId());
  }

  @Test
  void levelsAreLimitedToTheRequestedCount() {
    book.apply(snapshot(1, levels(100.0, 1, 99.0, 1, 98.0, 1), levels(101.0, 1, 102.0, 1)));

    assertEquals(List.of(new PriceLevel(100.0, 1), new PriceLevel(99.0, 1)), book.bidLevels(2));
    assertEquals(List.of(new PriceLevel(101.0, 1)), book.askLevels(1));
    assertEquals(List.of(), book.askLevels(0));
    assertThrows(IllegalArgumentException.class, () -> book.bidLevels(-1));
  }

  @Test
  void snapshotReplacesEverythingEvenAfterAGap() {
    book.apply(snapshot(10, levels(100.0, 1, 99.0, 1), levels(101.0, 1)));

    assertTrue(book.apply(snapshot(500, levels(90.0, 7), levels(91.0, 8))));

    assertEquals(List.of(new PriceLevel(90.0, 7)), book.bidLevels(10));
    assertEquals(List.of(new PriceLevel(91.0, 8)), book.askLevels(10));
    assertEquals(500, book.lastUpdateId());
  }

  @Test
  void contiguousDeltaAddsUpdatesAndRemovesLevels() {
    book.apply(snapshot(10, levels(100.0, 1, 99.0, 1), levels(101.0, 1, 102.0, 1)));

    BookDelta delta = delta(11, 12, levels(100.0, 0, 99.0, 3, 99.5, 2), levels(101.0, 0, 100.8, 6));

    assertTrue(book.apply(delta));

    assertEquals(List.of(new PriceLevel(99.5, 2), new PriceLevel(99.0, 3)), book.bidLevels(10));
    assertEquals(List.of(new PriceLevel(100.8, 6), new PriceLevel(102.0, 1)), book.askLevels(10));
    assertEquals(12, book.lastUpdateId());
  }

  @Test
  void removingAnAbsentLevelChangesNothing() {
    book.apply(snapshot(10, levels(100.0, 1), levels(101.0, 1)));

    assertTrue(book.apply(delta(11, 11, levels(95.0, 0), levels())));

    assertEquals(List.of(new PriceLevel(100.0, 1)), book.bidLevels(10));
    assertEquals(11, book.lastUpdateId());
  }

  @Test
  void deltaWithGapIsRefusedAndLeavesBookUnchanged() {
    book.apply(snapshot(10, levels(100.0, 1), levels(101.0, 1)));

    assertFalse(book.apply(delta(12, 13, levels(100.0, 0), levels(100.5, 3))));

    assertEquals(new PriceLevel(100.0, 1), book.bestBid());
    assertEquals(new PriceLevel(101.0, 1), book.bestAsk());
    assertEquals(10, book.lastUpdateId());
  }

  @Test
  void deltaBeforeAnySnapshotIsAGapUnlessItStartsAtOne() {
    assertFalse(book.apply(delta(5, 6, levels(100.0, 1), levels())));
    assertNull(book.bestBid());

    assertTrue(book.apply(delta(1, 2, levels(100.0, 1), levels())));
    assertEquals(new PriceLevel(100.0, 1), book.bestBid());
  }

  @Test
  void deltaWhollyOlderThanTheBookIsIgnored() {
    book.apply(snapshot(10, levels(100.0, 1), levels(101.0, 1)));

    assertTrue(book.apply(delta(5, 10, levels(100.0, 0, 99.0, 9), levels(101.0, 0))));

    assertEquals(List.of(new PriceLevel(100.0, 1)), book.bidLevels(10));
    assertEquals(List.of(new PriceLevel(101.0, 1)), book.askLevels(10));
    assertEquals(10, book.lastUpdateId());
  }

  @Test
  void deltaOverlappingTheBookIsAppliedBecauseSizesAreAbsolute() {
    book.apply(snapshot(10, levels(100.0, 1), levels(101.0, 1)));

    assertTrue(book.apply(delta(8, 12, levels(100.0, 4), levels())));

    assertEquals(new PriceLevel(100.0, 4), book.bestBid());
    assertEquals(12, book.lastUpdateId());
  }

  @Test
  void bookIsCrossedWhenBestBidReachesBestAsk() {
    book.apply(snapshot(1, levels(100.0, 1), levels(101.0, 1)));
    assertFalse(book.isCrossed());

    book.apply(delta(2, 2, levels(101.0, 1), levels()));
    assertTrue(book.isCrossed());

    book.apply(delta(3, 3, levels(101.0, 0, 102.0, 1), levels()));
    assertTrue(book.isCrossed());
  }

  @Test
  void oneSidedBookIsNotCrossed() {
    book.apply(snapshot(1, levels(100.0, 1), levels()));

    assertFalse(book.isCrossed());
    assertNull(book.bestAsk());
  }

  private static BookDelta snapshot(long updateId, List<PriceLevel> bids, List<PriceLevel> asks) {
    return new BookDelta(SYMBOL, 0, updateId, updateId, true, bids, asks);
  }

  private static BookDelta delta(
      long first, long last, List<PriceLevel> bids, List<PriceLevel> asks) {
    return new BookDelta(SYMBOL, 0, first, last, false, bids, asks);
  }

  /** Price/size pairs. */
  private static List<PriceLevel> levels(double... priceAndSize) {
    PriceLevel[] levels = new PriceLevel[priceAndSize.length / 2];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = new PriceLevel(priceAndSize[2 * i], priceAndSize[2 * i + 1]);
    }
    return List.of(levels);
  }
}
