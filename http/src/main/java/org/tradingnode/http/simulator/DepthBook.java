package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tradingnode.core.domain.instrument.Instrument;

/**
 * The order book of one symbol as the simulator shows it: a small synthetic book whose top is the
 * market's current quote, with a few levels behind it that come and go as the quote moves. Every
 * change of a level takes the next update id; the changes since the last {@link #drain()} form one
 * diff ({@code U} = first id, {@code u} = last id), so a snapshot's {@code lastUpdateId} is always
 * the {@code u} of some diff and a client that follows Binance's local-book procedure stays in
 * sync. Not thread-safe; seeded, so the same quotes give the same book.
 */
final class DepthBook {
  private static final int MAX_GAP_TICKS = 3;
  private static final double MEAN_LEVEL_SIZE = 2.0;
  private static final double RESIZE_PROBABILITY = 0.5;

  /** A price level; quantity zero in a diff means the level is gone. */
  record Level(BigDecimal price, BigDecimal quantity) {}

  /** The level changes of update ids {@code firstUpdateId..lastUpdateId}. */
  record Diff(long firstUpdateId, long lastUpdateId, List<Level> bids, List<Level> asks) {
    long updateIds() {
      return lastUpdateId - firstUpdateId + 1;
    }
  }

  /** The book as of {@code lastUpdateId}, best levels first. */
  record Snapshot(long lastUpdateId, List<Level> bids, List<Level> asks) {}

  private final Instrument instrument;
  private final int levels;
  private final SplittableRandom random;
  private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
  private final NavigableMap<BigDecimal, BigDecimal> changedBids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<BigDecimal, BigDecimal> changedAsks = new TreeMap<>();
  private long lastUpdateId;
  private long firstPendingId;

  DepthBook(Instrument instrument, int levels, SplittableRandom random) {
    this.instrument = instrument;
    this.levels = levels;
    this.random = random;
  }

  /**
   * Moves the top of the book to this bid and ask: levels that would cross them go, the touch takes
   * the quoted quantities, the book is refilled to its depth, trimmed at twice its depth, and one
   * deeper level per side may change size.
   */
  void moveTouch(BigDecimal bid, BigDecimal bidQuantity, BigDecimal ask, BigDecimal askQuantity) {
    List.copyOf(bids.headMap(bid, false).keySet()).forEach(p -> set(bids, changedBids, p, BigDecimal.ZERO));
    List.copyOf(asks.headMap(ask, false).keySet()).forEach(p -> set(asks, changedAsks, p, BigDecimal.ZERO));
    set(bids, changedBids, bid, positive(bidQuantity));
    set(asks, changedAsks, ask, positive(askQuantity));
    refill(bids, changedBids, -1);
    refill(asks, changedAsks, 1);
    resizeOneLevel(bids, changedBids);
    resizeOneLevel(asks, changedAsks);
  }

  /** The changes since the last drain, or nothing when the book did not change. */
  Optional<Diff> drain() {
    if (firstPendingId == 0) {
      return Optional.empty();
    }
    Diff diff = new Diff(firstPendingId, lastUpdateId, toLevels(changedBids, Integer.MAX_VALUE),
        toLevels(changedAsks, Integer.MAX_VALUE));
    changedBids.clear();
    changedAsks.clear();
    firstPendingId = 0;
    return Optional.of(diff);
  }

  Snapshot snapshot(int limit) {
    return new Snapshot(lastUpdateId, toLevels(bids, limit), toLevels(asks, limit));
  }

  long lastUpdateId() {
    return lastUpdateId;
  }

  Level bestBid() {
    Map.Entry<BigDecimal, BigDecimal> top = bids.firstEntry();
    return new Level(top.getKey(), top.getValue());
  }

  Level bestAsk() {
    Map.Entry<BigDecimal, BigDecimal> top = asks.firstEntry();
    return new Level(top.getKey(), top.getValue());
  }

  private void refill(NavigableMap<BigDecimal, BigDecimal> side, NavigableMap<BigDecimal, BigDecimal> changes,
      int direction) {
    while (side.size() < levels) {
      BigDecimal step = instrument.tickSize().multiply(BigDecimal.valueOf(1 + random.nextInt(MAX_GAP_TICKS)));
      BigDecimal next = side.lastKey().add(direction > 0 ? step : step.negate());
      if (next.signum() <= 0) {
        break;
      }
      set(side, changes, next, randomQuantity());
    }
    while (side.size() > 2 * levels) {
      set(side, changes, side.lastKey(), BigDecimal.ZERO);
    }
  }

  private void resizeOneLevel(NavigableMap<BigDecimal, BigDecimal> side, NavigableMap<BigDecimal, BigDecimal> changes) {
    if (side.size() < 2 || random.nextDouble() >= RESIZE_PROBABILITY) {
      return;
    }
    List<BigDecimal> deeper = List.copyOf(side.keySet()).subList(1, side.size());
    set(side, changes, deeper.get(random.nextInt(deeper.size())), randomQuantity());
  }

  private void set(NavigableMap<BigDecimal, BigDecimal> side, NavigableMap<BigDecimal, BigDecimal> changes,
      BigDecimal price, BigDecimal quantity) {
    BigDecimal current = side.get(price);
    boolean unchanged = quantity.signum() == 0 ? current == null
        : current != null && current.compareTo(quantity) == 0;
    if (unchanged) {
      return;
    }
    if (quantity.signum() == 0) {
      side.remove(price);
    } else {
      side.put(price, quantity);
    }
    changes.put(price, quantity);
    lastUpdateId++;
    if (firstPendingId == 0) {
      firstPendingId = lastUpdateId;
    }
  }

  private BigDecimal randomQuantity() {
    return positive(BigDecimal.valueOf(random.nextExponential() * MEAN_LEVEL_SIZE));
  }

  /** Rounded down to the lot, and never less than one lot. */
  private BigDecimal positive(BigDecimal quantity) {
    BigDecimal rounded = instrument.roundQuantity(quantity);
    return rounded.signum() > 0 ? rounded : instrument.lotSize();
  }

  private static List<Level> toLevels(NavigableMap<BigDecimal, BigDecimal> side, int limit) {
    List<Level> out = new ArrayList<>(Math.min(limit, side.size()));
    for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
      if (out.size() == limit) {
        break;
      }
      out.add(new Level(e.getKey(), e.getValue()));
    }
    return List.copyOf(out);
  }
}
