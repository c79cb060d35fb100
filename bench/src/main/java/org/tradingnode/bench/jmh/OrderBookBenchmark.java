package org.tradingnode.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tradingnode.core.domain.market.OrderBook;

/**
 * The L2 order book of one symbol with 100 levels a side: applying one incremental delta (up to six
 * level changes a side, consecutive update ids so that each is applied), and reading the best
 * bid and ask.
 *
 * <p>The deltas are pre-generated and cycled through. When the cycle wraps the book is reset from
 * its snapshot inside the measured method, since the ids cannot continue; that happens once every
 * {@value #DELTA_COUNT} deltas, so the 200-level rebuild adds well under 1 % to the average.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class OrderBookBenchmark {

  private static final int LEVELS_PER_SIDE = 100;
  private static final int DELTA_COUNT = 1 << 16;

  private BookUpdateSequence updates;
  private OrderBook book;
  private int nextDelta;

  @Setup
  public void buildBook() {
    updates = BookUpdateSequence.generate(7L, LEVELS_PER_SIDE, DELTA_COUNT);
    book = new OrderBook();
    book.apply(updates.snapshot());
    nextDelta = 0;
    if (book.bidLevels(Integer.MAX_VALUE).size() != LEVELS_PER_SIDE
        || book.askLevels(Integer.MAX_VALUE).size() != LEVELS_PER_SIDE) {
      throw new IllegalStateException("the snapshot does not hold " + LEVELS_PER_SIDE + " levels a side");
    }
  }

  @Benchmark
  public boolean applyDelta() {
    if (nextDelta == DELTA_COUNT) {
      book.apply(updates.snapshot());
      nextDelta = 0;
    }
    return book.apply(updates.delta(nextDelta++));
  }

  @Benchmark
  public void readBestBidAndAsk(Blackhole blackhole) {
    blackhole.consume(book.bestBid());
    blackhole.consume(book.bestAsk());
  }

  /** Fails the run if a delta was refused or ignored instead of applied. */
  @TearDown(Level.Iteration)
  public void checkEveryDeltaWasApplied() {
    long expected = nextDelta == 0 ? updates.snapshot().lastUpdateId() : updates.delta(nextDelta - 1).lastUpdateId();
    if (book.lastUpdateId() != expected) {
      throw new IllegalStateException("book is at update " + book.lastUpdateId() + ", expected " + expected);
    }
    if (book.isCrossed()) {
      throw new IllegalStateException("book is crossed");
    }
  }
}
