package org.tradingnode.core.domain.venue.bybit;

import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.OrderBook;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;

/**
 * Keeps the order book of one {@code orderbook.{depth}.{symbol}} topic in step with Bybit's snapshot
 * and delta rules (docs/v5/websocket/public/orderbook.mdx, "Process snapshot/delta"):
 * <ul>
 *   <li>a snapshot replaces the book; so does any update with {@code u = 1}, which Bybit sends after
 *       restarting its service;</li>
 *   <li>a delta must carry the previous {@code u + 1}; any other {@code u} is a gap: the book is
 *       discarded, the gap counted, and the caller told to resync (ask for a new snapshot);</li>
 *   <li>until the next snapshot, deltas are ignored.</li>
 * </ul>
 * Not thread-safe: one owner feeds it one topic in arrival order.
 */
public final class BybitBookSync {

  /** What became of one update. */
  public sealed interface Outcome {}

  /** The update is now part of the book; pass {@code delta} on. */
  public record Applied(BookDelta delta) implements Outcome {}

  /** The update did not follow the book: the book is gone and a new snapshot is needed. */
  public record GapDetected(long expectedUpdateId, long receivedUpdateId) implements Outcome {}

  /** A delta arrived while there is no book to apply it to; it was ignored. */
  public enum AwaitingSnapshot implements Outcome { INSTANCE }

  private static final long RESTART_UPDATE_ID = 1;

  private final String topic;
  private OrderBook book;
  private long gaps;

  public BybitBookSync(String topic) {
    if (!BybitTopics.isOrderBook(topic)) {
      throw new IllegalArgumentException("not an order book topic: " + topic);
    }
    this.topic = topic;
  }

  /** Applies the next update of this sync's topic. */
  public Outcome apply(BookUpdate update) {
    if (!update.topic().equals(topic)) {
      throw new IllegalArgumentException("update of " + update.topic() + " fed to the book of " + topic);
    }
    BookDelta delta = update.delta();
    if (delta.snapshot() || update.updateId() == RESTART_UPDATE_ID) {
      book = new OrderBook();
      BookDelta snapshot = delta.snapshot() ? delta : asSnapshot(delta);
      book.apply(snapshot);
      return new Applied(snapshot);
    }
    if (book == null) {
      return AwaitingSnapshot.INSTANCE;
    }
    long expected = book.lastUpdateId() + 1;
    if (update.updateId() != expected) {
      book = null;
      gaps++;
      return new GapDetected(expected, update.updateId());
    }
    book.apply(delta);
    return new Applied(delta);
  }

  /** Forgets the book, e.g. when the connection is lost; the next snapshot starts it again. */
  public void reset() {
    book = null;
  }

  /** True while a snapshot and every delta since have been applied. */
  public boolean inSync() {
    return book != null;
  }

  /** The book, or null while out of sync. Read it, do not change it. */
  public OrderBook book() {
    return book;
  }

  /** The topic this sync keeps. */
  public String topic() {
    return topic;
  }

  /** How many gaps this sync has seen. */
  public long gaps() {
    return gaps;
  }

  private static BookDelta asSnapshot(BookDelta delta) {
    return new BookDelta(delta.symbol(), delta.timestamp(), delta.firstUpdateId(), delta.lastUpdateId(), true,
        delta.bids(), delta.asks());
  }
}
