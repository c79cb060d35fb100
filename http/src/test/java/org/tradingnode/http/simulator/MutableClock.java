package org.tradingnode.http.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that stands still until a test moves it, or, once {@link #run()} is called, also goes on
 * at the pace of real time (a venue a client keeps talking to for seconds, signing with the offset
 * it measured at the start).
 */
final class MutableClock extends Clock {
  private final AtomicLong millis;
  private volatile long runningSinceNanos = -1;

  MutableClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }

  /** From now on the clock also moves with real time. */
  MutableClock run() {
    runningSinceNanos = System.nanoTime();
    return this;
  }

  @Override
  public long millis() {
    long since = runningSinceNanos;
    return millis.get() + (since < 0 ? 0 : (System.nanoTime() - since) / 1_000_000);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC only");
  }
}
