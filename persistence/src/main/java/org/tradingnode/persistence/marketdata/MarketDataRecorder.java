package org.tradingnode.persistence.marketdata;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartFlow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * Records market events into a {@link MarketDataStore} without ever holding up whoever hands them
 * over. {@link #record} puts an event into a bounded buffer and returns at once; when the buffer is
 * full the event is dropped and counted. A stream takes the buffered events in batches (up to
 * {@code batch-size}, or what arrived within {@code batch-interval}) and writes one batch at a time,
 * so a slow store back-pressures into the buffer and nowhere else. A failed write is logged, its
 * events are counted as lost, and the writing stage restarts with backoff while the buffer keeps
 * taking (and, once full, dropping) events. The recorder drains and stops with the actor system.
 */
public final class MarketDataRecorder {
  private static final Logger log = LoggerFactory.getLogger(MarketDataRecorder.class);
  private static final long LOG_EVERY = 10_000;

  private final BoundedSourceQueue<MarketRecord> buffer;
  private final CompletionStage<Done> drained;
  private final RecorderCounters counters;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private MarketDataRecorder(BoundedSourceQueue<MarketRecord> buffer, CompletionStage<Done> drained,
      RecorderCounters counters) {
    this.buffer = buffer;
    this.drained = drained;
    this.counters = counters;
  }

  /** Starts recording into {@code store}; stops in the actor system's coordinated shutdown. */
  public static MarketDataRecorder start(ActorSystem<?> system, MarketDataStore store,
      MarketRecordingSettings settings) {
    RecorderCounters counters = new RecorderCounters();
    RestartSettings backoff = RestartSettings.create(settings.minBackoff(), settings.maxBackoff(), 0.2);
    Pair<BoundedSourceQueue<MarketRecord>, CompletionStage<Done>> running =
        Source.<MarketRecord>queue(settings.bufferSize())
            .groupedWithin(settings.batchSize(), settings.batchInterval())
            .via(RestartFlow.onFailuresWithBackoff(backoff, () -> Flow.<List<MarketRecord>>create()
                .mapAsync(1, batch -> writeCounted(store, batch, counters))))
            .toMat(Sink.ignore(), Keep.both())
            .run(system);
    MarketDataRecorder recorder = new MarketDataRecorder(running.first(), running.second(), counters);
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "stop-market-data-recorder", recorder::stop);
    log.info("recording market data to {}", store);
    return recorder;
  }

  private static CompletionStage<Done> writeCounted(MarketDataStore store, List<MarketRecord> batch,
      RecorderCounters counters) {
    return store.write(batch).whenComplete((done, error) -> {
      if (error == null) {
        counters.written.addAndGet(batch.size());
      } else {
        counters.lost.addAndGet(batch.size());
        long failures = counters.failedWrites.incrementAndGet();
        log.warn("a market data write of {} events failed ({} failures so far), restarting with backoff: {}",
            batch.size(), failures, reasonOf(error));
      }
    });
  }

  private static String reasonOf(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == cause ? cause.toString() : cause.getMessage() + " (" + root + ")";
  }

  /**
   * Hands one event over; true when it was buffered, false when it was dropped (buffer full, recorder
   * stopped) or rejected (a venue or symbol unusable as a name). Never blocks, never throws.
   */
  public boolean record(String venue, MarketEvent event) {
    MarketRecord record;
    try {
      record = new MarketRecord(venue, event);
    } catch (IllegalArgumentException e) {
      long rejected = counters.rejected.incrementAndGet();
      if (rejected <= 10 || rejected % LOG_EVERY == 0) {
        log.warn("not recording a market event ({} rejected so far): {}", rejected, e.getMessage());
      }
      return false;
    }
    if (buffer.offer(record) == QueueOfferResult.enqueued()) {
      counters.accepted.incrementAndGet();
      return true;
    }
    long dropped = counters.dropped.incrementAndGet();
    if (dropped <= 10 || dropped % LOG_EVERY == 0) {
      log.warn("market data recording is behind, dropped an event ({} dropped so far)", dropped);
    }
    return false;
  }

  /** {@link #record} for each event, in order. */
  public void recordAll(String venue, List<MarketEvent> events) {
    for (MarketEvent event : events) {
      record(venue, event);
    }
  }

  public RecorderCounters counters() {
    return counters;
  }

  /** Takes no more events, writes what is buffered and completes when the last write is done. */
  public CompletionStage<Done> stop() {
    if (stopping.compareAndSet(false, true)) {
      buffer.complete();
      drained.thenRun(() -> log.info("market data recorder stopped: {}", counters));
    }
    return drained;
  }
}
