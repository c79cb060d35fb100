package org.tradingnode.http.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator has answered that a test may want to assert on, e.g. that a connector was
 * never banned. Thread-safe.
 */
final class SimulatorCounters {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong banned = new AtomicLong();
  private final AtomicLong injectedFailures = new AtomicLong();
  private final AtomicLong lostResponses = new AtomicLong();
  private final AtomicLong unansweredWhileSilent = new AtomicLong();

  /** Counts of the answers given so far. */
  record Snapshot(long requests, long responses429, long responses418, long injectedFailures, long lostResponses,
      long unansweredWhileSilent) {}

  void request() {
    requests.incrementAndGet();
  }

  void throttled() {
    throttled.incrementAndGet();
  }

  void banned() {
    banned.incrementAndGet();
  }

  void injectedFailure() {
    injectedFailures.incrementAndGet();
  }

  void lostResponse() {
    lostResponses.incrementAndGet();
  }

  void unansweredWhileSilent() {
    unansweredWhileSilent.incrementAndGet();
  }

  Snapshot snapshot() {
    return new Snapshot(requests.get(), throttled.get(), banned.get(), injectedFailures.get(), lostResponses.get(),
        unansweredWhileSilent.get());
  }
}
