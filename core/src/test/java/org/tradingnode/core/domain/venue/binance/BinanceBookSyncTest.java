package org.tradingnode.core.domain.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.venue.binance.BinanceBookSync.Outcome;

/** The local book procedure of Binance's "How to manage a local order book correctly". */
class BinanceBookSyncTest {
  private final BinanceBookSync sync = new BinanceBookSync("BNBBTC");

  private static BookDelta diff(long first, long last, double bidPrice, double bidSize) {
    return new BookDelta("BNBBTC", last, first, last, false, List.of(new PriceLevel(bidPrice, bidSize)), List.of());
  }

  private static BookDelta snapshot(long lastUpdateId, double bidPrice) {
    return new BookDelta("BNBBTC", 0, lastUpdateId, lastUpdateId, true,
        List.of(new PriceLevel(bidPrice, 1.0)), List.of(new PriceLevel(bidPrice + 1, 1.0)));
  }

  @Test
  void diffsBeforeTheSnapshotAreBufferedThenThoseItContainsAreDropped() {
    assertEquals(Outcome.BUFFERED, sync.onDiff(diff(101, 105, 9.0, 2.0)));
    assertEquals(Outcome.BUFFERED, sync.onDiff(diff(106, 110, 8.0, 3.0)));
    assertNull(sync.book());

    assertEquals(Outcome.APPLIED, sync.onSnapshot(snapshot(107, 10.0)));

    assertEquals(110, sync.book().lastUpdateId());
    assertEquals(new PriceLevel(10.0, 1.0), sync.book().bestBid());
    assertEquals(List.of(new PriceLevel(10.0, 1.0), new PriceLevel(8.0, 3.0)), sync.book().bidLevels(5),
        "the diff ending at 105 is inside the snapshot and is not applied");
    assertEquals(2, sync.drainApplied().size(), "the snapshot and the diff 106-110");
  }

  @Test
  void aSnapshotOlderThanTheFirstBufferedDiffIsRefused() {
    sync.onDiff(diff(101, 105, 9.0, 2.0));

    assertEquals(Outcome.SNAPSHOT_TOO_OLD, sync.onSnapshot(snapshot(99, 10.0)));
    assertFalse(sync.synced());
    assertEquals(Outcome.APPLIED, sync.onSnapshot(snapshot(103, 10.0)));
    assertEquals(105, sync.book().lastUpdateId());
  }

  @Test
  void aDiffThatSkipsUpdateIdsDiscardsTheBookAndCountsTheGap() {
    sync.onSnapshot(snapshot(100, 10.0));
    assertEquals(Outcome.APPLIED, sync.onDiff(diff(101, 102, 9.0, 1.0)));

    assertEquals(Outcome.GAP, sync.onDiff(diff(104, 106, 8.0, 1.0)));

    assertFalse(sync.synced());
    assertEquals(1, sync.gaps());
    assertEquals(Outcome.BUFFERED, sync.onDiff(diff(107, 108, 7.0, 1.0)));
    assertEquals(Outcome.APPLIED, sync.onSnapshot(snapshot(105, 11.0)));
    assertEquals(108, sync.book().lastUpdateId());
  }

  @Test
  void aDiffAlreadyInTheBookIsStale() {
    sync.onSnapshot(snapshot(100, 10.0));

    assertEquals(Outcome.STALE, sync.onDiff(diff(95, 100, 9.0, 1.0)));
    assertTrue(sync.synced());
  }

  @Test
  void aGapAmongBufferedDiffsKeepsTheLaterOnesForTheNextSnapshot() {
    sync.onDiff(diff(101, 102, 9.0, 1.0));
    sync.onDiff(diff(110, 111, 8.0, 1.0));
    sync.onDiff(diff(112, 113, 7.0, 1.0));

    assertEquals(Outcome.GAP, sync.onSnapshot(snapshot(101, 10.0)));
    assertEquals(Outcome.APPLIED, sync.onSnapshot(snapshot(111, 10.0)));

    assertEquals(113, sync.book().lastUpdateId());
    assertEquals(new PriceLevel(7.0, 1.0), sync.book().bidLevels(5).get(1));
  }
}
