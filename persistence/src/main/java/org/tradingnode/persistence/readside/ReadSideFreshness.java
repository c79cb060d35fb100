package org.tradingnode.persistence.readside;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.TimeBasedUUID;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * How far the read side is behind the journal: the events of each projected tag the journal holds beyond
 * the projection's offset (counted up to {@link #COUNTED}) and the age of the oldest of them; and waiting
 * until the projection has reached what the journal held when asked.
 */
public final class ReadSideFreshness {
  /** Pending events counted per tag; beyond it the count says "at least". */
  static final int COUNTED = 10_000;
  private static final long POLL_EVERY_MS = 25;

  private final ActorSystem<?> system;
  private final CurrentEventsByTagQuery journal;
  private final ReadSideQueries readSide;
  private final List<String> tags;
  private final AtomicReference<CompletableFuture<Lag>> measuring = new AtomicReference<>();
  private volatile Lag lastMeasured;

  public ReadSideFreshness(ActorSystem<?> system, CurrentEventsByTagQuery journal, ReadSideQueries readSide,
      List<String> tags) {
    this.system = system;
    this.journal = journal;
    this.readSide = readSide;
    this.tags = List.copyOf(tags);
  }

  /**
   * The read side's distance from the journal now: {@code pendingEvents} not yet projected (at least that
   * many when {@code atLeast}), and the age in ms of the oldest of them (0 when none).
   */
  public record Lag(long pendingEvents, boolean atLeast, long oldestPendingAgeMs) {
    public static final Lag NONE = new Lag(0, false, 0);

    public boolean caughtUp() {
      return pendingEvents == 0;
    }
  }

  /**
   * The lag as measured now if that takes no longer than {@code budget}, else the last measurement that
   * finished (the first request waits for the first measurement). One measurement runs at a time per
   * node; a request that comes while one runs waits for it within its budget. On H2 a measurement takes milliseconds; Cassandra's tag query
   * answers only once the eventual-consistency delay has passed the time it was asked (2 s), so a listing
   * there shows a measurement up to a few seconds old rather than waiting for a new one.
   */
  public CompletionStage<Lag> recentLag(Duration budget) {
    CompletableFuture<Lag> running = measuring.get();
    if (running == null || running.isDone()) {
      CompletableFuture<Lag> next = new CompletableFuture<>();
      if (measuring.compareAndSet(running, next)) {
        lag().whenComplete((lag, error) -> {
          if (lag != null) {
            lastMeasured = lag;
          }
          next.complete(lag != null ? lag : lastMeasured);
        });
        running = next;
      } else {
        running = measuring.get();
      }
    }
    Lag last = lastMeasured;
    return last == null ? running.copy()
        : running.copy().completeOnTimeout(last, budget.toMillis(), TimeUnit.MILLISECONDS);
  }

  public CompletionStage<Lag> lag() {
    List<CompletableFuture<Lag>> perTag = new ArrayList<>();
    for (String tag : tags) {
      perTag.add(readSide.offset(tag).thenCompose(offset -> journal.currentEventsByTag(tag, offset)
          .take(COUNTED + 1)
          .runWith(Sink.fold(new long[] {0, Long.MAX_VALUE}, (acc, envelope) -> {
            acc[0]++;
            acc[1] = Math.min(acc[1], envelope.timestamp());
            return acc;
          }), system)
          .thenApply(acc -> acc[0] == 0 ? Lag.NONE : new Lag(Math.min(acc[0], COUNTED), acc[0] > COUNTED,
              Math.max(0, System.currentTimeMillis() - acc[1])))).toCompletableFuture());
    }
    return CompletableFuture.allOf(perTag.toArray(CompletableFuture[]::new)).thenApply(done -> perTag.stream()
        .map(CompletableFuture::join)
        .reduce(Lag.NONE, (a, b) -> new Lag(a.pendingEvents() + b.pendingEvents(), a.atLeast() || b.atLeast(),
            Math.max(a.oldestPendingAgeMs(), b.oldestPendingAgeMs()))));
  }

  /**
   * Completes with {@link Lag#NONE} once the projection has reached every event the journal held when this
   * was called, or with the lag as it stands when {@code within} has passed.
   */
  public CompletionStage<Lag> awaitCaughtUp(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    List<CompletableFuture<Optional<Offset>>> targets = new ArrayList<>();
    for (String tag : tags) {
      targets.add(readSide.offset(tag).thenCompose(offset -> journal.currentEventsByTag(tag, offset)
          .map(EventEnvelope::offset)
          .runWith(Sink.lastOption(), system)).toCompletableFuture());
    }
    return CompletableFuture.allOf(targets.toArray(CompletableFuture[]::new))
        .thenCompose(done -> until(targets.stream().map(CompletableFuture::join).toList(), deadline));
  }

  private CompletionStage<Lag> until(List<Optional<Offset>> targets, long deadline) {
    List<CompletableFuture<Boolean>> reached = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      Optional<Offset> target = targets.get(i);
      reached.add(target.isEmpty() ? CompletableFuture.completedFuture(true)
          : readSide.offset(tags.get(i)).thenApply(offset -> !isBefore(offset, target.get())).toCompletableFuture());
    }
    return CompletableFuture.allOf(reached.toArray(CompletableFuture[]::new)).thenCompose(done -> {
      if (reached.stream().allMatch(CompletableFuture::join)) {
        return CompletableFuture.completedFuture(Lag.NONE);
      }
      if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_EVERY_MS) > deadline) {
        return lag();
      }
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(POLL_EVERY_MS, TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> until(targets, deadline));
    });
  }

  /** True when {@code offset} comes before {@code target} in the journal's order. */
  static boolean isBefore(Offset offset, Offset target) {
    if (offset.equals(Offset.noOffset())) {
      return !target.equals(Offset.noOffset());
    }
    if (offset instanceof Sequence s && target instanceof Sequence t) {
      return s.value() < t.value();
    }
    if (offset instanceof TimeBasedUUID s && target instanceof TimeBasedUUID t) {
      return compareTime(s.value(), t.value()) < 0;
    }
    throw new IllegalArgumentException("offsets of different kinds: " + offset + ", " + target);
  }

  private static int compareTime(UUID a, UUID b) {
    int byTime = Long.compare(a.timestamp(), b.timestamp());
    return byTime != 0 ? byTime : a.compareTo(b);
  }
}
