package org.tradingnode.persistence.marketdata;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link MarketDataRecorder} counted since it started: events taken into its buffer, dropped
 * because the buffer was full (or the recorder stopped), rejected for names unusable as a file or
 * partition, written to the store, and lost in failed writes with the number of those failures.
 */
public final class RecorderCounters {
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong written = new AtomicLong();
  final AtomicLong lost = new AtomicLong();
  final AtomicLong failedWrites = new AtomicLong();

  public long accepted() {
    return accepted.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long rejected() {
    return rejected.get();
  }

  public long written() {
    return written.get();
  }

  public long lost() {
    return lost.get();
  }

  public long failedWrites() {
    return failedWrites.get();
  }

  @Override
  public String toString() {
    return "accepted " + accepted() + ", dropped " + dropped() + ", rejected " + rejected() + ", written "
        + written() + ", lost " + lost() + " in " + failedWrites() + " failed writes";
  }
}
