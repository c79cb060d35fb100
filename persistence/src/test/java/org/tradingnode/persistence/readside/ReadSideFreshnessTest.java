package org.tradingnode.persistence.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lag a listing shows, against a journal whose tag query takes as long as a test says (as Cassandra's
 * takes its consistency delay): a listing never waits beyond its budget once a measurement exists, and
 * one measurement runs at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSideFreshnessTest {
  private final ActorTestKit kit = ActorTestKit.create("ReadSideFreshnessTest");
  private final AtomicReference<CompletableFuture<List<EventEnvelope>>> answer = new AtomicReference<>();
  private final AtomicInteger queries = new AtomicInteger();
  private final CurrentEventsByTagQuery journal = new CurrentEventsByTagQuery() {
    @Override
    public Source<EventEnvelope, NotUsed> currentEventsByTag(String tag, Offset offset) {
      queries.incrementAndGet();
      return Source.completionStage(answer.get()).mapConcat(envelopes -> envelopes);
    }
  };
  private final ReadSideQueries readSide = (ReadSideQueries) Proxy.newProxyInstance(
      ReadSideQueries.class.getClassLoader(), new Class<?>[] {ReadSideQueries.class},
      (proxy, method, args) -> method.getName().equals("offset")
          ? CompletableFuture.completedFuture(Offset.noOffset()) : null);
  private final ReadSideFreshness freshness = new ReadSideFreshness(kit.system(), journal, readSide, List.of("t"));

  @AfterAll
  void stop() {
    kit.shutdownTestKit();
  }

  private static EventEnvelope pending(long sequence) {
    return new EventEnvelope(Offset.sequence(sequence), "p", sequence, "event", System.currentTimeMillis() - 1_000);
  }

  @Test
  void aListingWaitsForTheFirstMeasurementThenNeverLongerThanItsBudget() throws Exception {
    answer.set(CompletableFuture.completedFuture(List.of(pending(1), pending(2))));
    ReadSideFreshness.Lag first = freshness.recentLag(Duration.ofMillis(50)).toCompletableFuture().get(5,
        TimeUnit.SECONDS);
    CompletableFuture<List<EventEnvelope>> slow = new CompletableFuture<>();
    answer.set(slow);
    int queriesBefore = queries.get();

    ReadSideFreshness.Lag whileSlow = freshness.recentLag(Duration.ofMillis(50)).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    ReadSideFreshness.Lag stillSlow = freshness.recentLag(Duration.ofMillis(50)).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    int queriesWhileSlow = queries.get() - queriesBefore;
    slow.complete(List.of());
    ReadSideFreshness.Lag caughtUp = freshness.recentLag(Duration.ofSeconds(5)).toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    assertEquals(2, first.pendingEvents());
    assertEquals(2, whileSlow.pendingEvents(), "the last measurement, not a wait for the slow one");
    assertEquals(2, stillSlow.pendingEvents());
    assertEquals(1, queriesWhileSlow, "one measurement at a time while the slow one runs");
    assertEquals(ReadSideFreshness.Lag.NONE, caughtUp);
  }
}
