package org.tradingnode.core.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way the tests wait (core's, and those of the other modules through core's test-jar): observe
 * until the condition holds or the deadline passes, then fail with what was seen last. It never sleeps
 * on a probe that others send to, and it returns the observation that satisfied the condition so the
 * test can assert on it.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(20);

  private Await() {}

  /**
   * Observes every 20 ms until {@code done} holds of the observation and returns it; fails after
   * {@code timeout} with the last one.
   */
  public static <T> T until(String what, Supplier<T> observe, Predicate<T> done, Duration timeout) {
    return until(what, observe, done, timeout, POLL);
  }

  /**
   * As {@link #until(String, Supplier, Predicate, Duration)}, observing every {@code poll}: for an
   * observation that costs the observed something, such as a request to a node in a process of its own.
   */
  public static <T> T until(String what, Supplier<T> observe, Predicate<T> done, Duration timeout,
      Duration poll) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = observe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
      last = observe.get();
    }
    return last;
  }

  /** As {@link #until(String, Supplier, Predicate, Duration)} with five seconds. */
  public static <T> T until(String what, Supplier<T> observe, Predicate<T> done) {
    return until(what, observe, done, Duration.ofSeconds(5));
  }
}
