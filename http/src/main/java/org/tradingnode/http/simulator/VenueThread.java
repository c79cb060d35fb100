package org.tradingnode.http.simulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the simulated venue. The paper matching engine is not thread-safe, so
 * every request that reads or changes the venue, and every market step, runs here, one at a time and
 * in arrival order; that also makes a depth snapshot and the depth diffs agree on update ids.
 */
final class VenueThread implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VenueThread.class);

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(work -> {
    Thread thread = new Thread(work, "venue-simulator");
    thread.setDaemon(true);
    return thread;
  });

  /** Runs {@code work} on the venue thread; its exception, if any, fails the stage. */
  <T> CompletionStage<T> call(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("the venue simulator is stopped", e));
    }
  }

  /** Runs {@code work} every {@code interval}; a failing run is logged and the next one still runs. */
  void repeat(Duration interval, Runnable work) {
    executor.scheduleAtFixedRate(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("venue simulator step failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
