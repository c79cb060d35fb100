package org.tradingnode.core.domain.venue.binance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.OrderBook;

/**
 * One symbol's local order book kept the way Binance documents ("How to manage a local order book
 * correctly"): diffs from the stream are buffered until a REST snapshot arrives; a snapshot older
 * than the first buffered diff is refused (fetch another); buffered diffs the snapshot already
 * contains are dropped; from then on every diff must continue the book ({@code U <= lastUpdateId + 1
 * <= u}), and any gap discards the book and starts over. Each call says what the caller must do.
 */
public final class BinanceBookSync {
  /** What happened to a diff or snapshot, and what the caller does next. */
  public enum Outcome {
    /** No book yet: the diff is kept until a snapshot arrives (fetch one if not already asked). */
    BUFFERED,
    /** The book moved on; the applied updates are in {@link #drainApplied()}. */
    APPLIED,
    /** Already contained in the book. */
    STALE,
    /** The snapshot is older than the buffered diffs: fetch another one. */
    SNAPSHOT_TOO_OLD,
    /** A diff skipped update ids: the book is gone, diffs are buffered again, fetch a snapshot. */
    GAP
  }

  private static final int MAX_BUFFERED = 10_000;
  private final String symbol;
  private final Deque<BookDelta> buffered = new ArrayDeque<>();
  private final List<BookDelta> applied = new ArrayList<>();
  private OrderBook book;
  private long gaps;

  public BinanceBookSync(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean synced() {
    return book != null;
  }

  /** The book, or null while waiting for a snapshot. */
  public OrderBook book() {
    return book;
  }

  public long gaps() {
    return gaps;
  }

  /** A {@code depthUpdate} from the stream ({@code U} and {@code u} as first and last update id). */
  public Outcome onDiff(BookDelta diff) {
    if (book == null) {
      if (buffered.size() == MAX_BUFFERED) {
        buffered.removeFirst();
      }
      buffered.addLast(diff);
      return Outcome.BUFFERED;
    }
    if (diff.lastUpdateId() <= book.lastUpdateId()) {
      return Outcome.STALE;
    }
    if (!book.apply(diff)) {
      gaps++;
      book = null;
      buffered.clear();
      buffered.addLast(diff);
      return Outcome.GAP;
    }
    applied.add(diff);
    return Outcome.APPLIED;
  }

  /** A REST depth snapshot ({@code lastUpdateId} as its last update id). */
  public Outcome onSnapshot(BookDelta snapshot) {
    if (!buffered.isEmpty() && snapshot.lastUpdateId() < buffered.peekFirst().firstUpdateId()) {
      return Outcome.SNAPSHOT_TOO_OLD;
    }
    book = new OrderBook();
    book.apply(snapshot);
    applied.add(snapshot);
    List<BookDelta> pending = new ArrayList<>(buffered);
    buffered.clear();
    for (int i = 0; i < pending.size(); i++) {
      if (onDiff(pending.get(i)) == Outcome.GAP) {
        buffered.addAll(pending.subList(i + 1, pending.size()));
        return Outcome.GAP;
      }
    }
    return Outcome.APPLIED;
  }

  /** The snapshot and diffs applied since the last call, in order, to pass on downstream. */
  public List<BookDelta> drainApplied() {
    List<BookDelta> out = List.copyOf(applied);
    applied.clear();
    return out;
  }
}
