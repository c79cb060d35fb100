package org.tradingnode.persistence.marketdata;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers the rows of recorded market data in recorded order: each number is the larger of the
 * previous one plus one and the wall clock in nanoseconds of the millisecond ({@code millis *
 * 1,000,000}). Within a recorder the numbers grow by at least one per row; a recorder started later
 * (after a restart, or on another node taking the feed over) starts above every number an earlier
 * one gave, as long as the earlier one did not record a million rows per millisecond and the clocks
 * agree to within the time the take-over took.
 */
final class RecordSequence {
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private final Clock clock;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  RecordSequence(Clock clock) {
    this.clock = clock;
  }

  long next() {
    long floor = clock.millis() * NANOS_PER_MILLI;
    return last.accumulateAndGet(floor, (previous, now) -> Math.max(previous + 1, now));
  }
}
