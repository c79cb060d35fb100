package org.tradingnode.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.PriceLevel;

/**
 * A seeded L2 snapshot and the incremental deltas that follow it, with consecutive update ids so
 * that a book accepts every one of them in order. Each side lives on a fixed grid of price slots
 * around a constant mid, a fifth more slots than levels: most changes are new sizes of levels near
 * the top, the rest remove a level and open another one in a free slot, so each side keeps exactly
 * {@code levelsPerSide} levels and the book never crosses.
 */
final class BookUpdateSequence {

  private static final String SYMBOL = "BTCUSDT";
  private static final long MID_TICKS = 6_000_000L;
  private static final long START_TIME = 1_700_000_000_000L;
  private static final long SNAPSHOT_UPDATE_ID = 1_000_000L;
  private static final int MAX_CHANGES_PER_SIDE = 3;

  private final BookDelta snapshot;
  private final BookDelta[] deltas;

  private BookUpdateSequence(BookDelta snapshot, BookDelta[] deltas) {
    this.snapshot = snapshot;
    this.deltas = deltas;
  }

  static BookUpdateSequence generate(long seed, int levelsPerSide, int deltaCount) {
    SplittableRandom random = new SplittableRandom(seed);
    int slots = levelsPerSide + Math.max(1, levelsPerSide / 5);
    BookSideGrid bids = new BookSideGrid(MID_TICKS, -1, slots, levelsPerSide);
    BookSideGrid asks = new BookSideGrid(MID_TICKS, 1, slots, levelsPerSide);
    BookDelta snapshot = new BookDelta(SYMBOL, START_TIME, SNAPSHOT_UPDATE_ID, SNAPSHOT_UPDATE_ID, true,
        bids.allLevels(random), asks.allLevels(random));
    BookDelta[] deltas = new BookDelta[deltaCount];
    long lastUpdateId = SNAPSHOT_UPDATE_ID;
    for (int i = 0; i < deltaCount; i++) {
      List<PriceLevel> bidChanges = new ArrayList<>();
      List<PriceLevel> askChanges = new ArrayList<>();
      do {
        bids.change(random.nextInt(MAX_CHANGES_PER_SIDE + 1), random, bidChanges);
        asks.change(random.nextInt(MAX_CHANGES_PER_SIDE + 1), random, askChanges);
      } while (bidChanges.isEmpty() && askChanges.isEmpty());
      long firstUpdateId = lastUpdateId + 1;
      lastUpdateId = firstUpdateId + bidChanges.size() + askChanges.size() - 1;
      deltas[i] = new BookDelta(SYMBOL, START_TIME + 100L * (i + 1), firstUpdateId, lastUpdateId, false,
          bidChanges, askChanges);
    }
    return new BookUpdateSequence(snapshot, deltas);
  }

  BookDelta snapshot() {
    return snapshot;
  }

  BookDelta delta(int index) {
    return deltas[index];
  }
}
