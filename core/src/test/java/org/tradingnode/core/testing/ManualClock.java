package org.tradingnode.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it on. */
public final class ManualClock extends Clock {
  private volatile long millis;

  public ManualClock(long epochMillis) {
    this.millis = epochMillis;
  }

  /** Moves the clock on by {@code by} milliseconds. */
  public void advance(long by) {
    millis += by;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
