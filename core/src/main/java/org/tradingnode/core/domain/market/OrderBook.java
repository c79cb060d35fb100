package org.tradingnode.core.domain.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An L2 order book of one symbol, built from {@link BookDelta}s: bids and asks keyed by price,
 * best level first. The book does not check the deltas' symbol; the owner feeds it one symbol.
 *
 * <p>Sequencing follows the venue's update ids. A snapshot always replaces the whole book. An
 * incremental delta is applied when it continues the book ({@code firstUpdateId <= lastUpdateId + 1
 * <= delta.lastUpdateId}; the usual case is {@code firstUpdateId == lastUpdateId + 1}, an overlap
 * is harmless because levels carry absolute sizes); a delta wholly older than the book is ignored;
 * a delta that starts after {@code lastUpdateId + 1} reveals a gap and is refused without touching
 * the book, so the caller knows to fetch a new snapshot. A new book has {@code lastUpdateId} 0.
 *
 * <p>Best bid and ask are read in O(log n) from sorted maps. Not thread-safe.
 */
public final class OrderBook {

  private final NavigableMap<Double, Double> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Double, Double> asks = new TreeMap<>();
  private long lastUpdateId;

  /**
   * Applies a snapshot or an incremental delta.
   *
   * @return false if the delta leaves a gap after {@link #lastUpdateId()} (the book is unchanged),
   *     true if it was applied or was already contained in the book
   */
  public boolean apply(BookDelta delta) {
    if (delta.snapshot()) {
      bids.clear();
      asks.clear();
      applyLevels(delta);
      return true;
    }
    if (delta.lastUpdateId() <= lastUpdateId) {
      return true;
    }
    if (delta.firstUpdateId() > lastUpdateId + 1) {
      return false;
    }
    applyLevels(delta);
    return true;
  }

  /** The highest bid, or null when there are no bids. */
  public PriceLevel bestBid() {
    return toLevel(bids.firstEntry());
  }

  /** The lowest ask, or null when there are no asks. */
  public PriceLevel bestAsk() {
    return toLevel(asks.firstEntry());
  }

  /** Up to {@code n} bid levels, highest price first. */
  public List<PriceLevel> bidLevels(int n) {
    return topLevels(bids, n);
  }

  /** Up to {@code n} ask levels, lowest price first. */
  public List<PriceLevel> askLevels(int n) {
    return topLevels(asks, n);
  }

  /** The update id of the last applied snapshot or delta; 0 for a new book. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /** True when both sides are present and the best bid is at or above the best ask. */
  public boolean isCrossed() {
    return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
  }

  private void applyLevels(BookDelta delta) {
    delta.bids().forEach(level -> update(bids, level));
    delta.asks().forEach(level -> update(asks, level));
    lastUpdateId = delta.lastUpdateId();
  }

  private static void update(NavigableMap<Double, Double> side, PriceLevel level) {
    if (level.size() == 0.0) {
      side.remove(level.price());
    } else {
      side.put(level.price(), level.size());
    }
  }

  private static PriceLevel toLevel(Map.Entry<Double, Double> entry) {
    return entry == null ? null : new PriceLevel(entry.getKey(), entry.getValue());
  }

  private static List<PriceLevel> topLevels(NavigableMap<Double, Double> side, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("level count must not be negative: " + n);
    }
    List<PriceLevel> levels = new ArrayList<>(Math.min(n, side.size()));
    for (Map.Entry<Double, Double> entry : side.entrySet()) {
      if (levels.size() == n) {
        break;
      }
      levels.add(toLevel(entry));
    }
    return List.copyOf(levels);
  }
}
