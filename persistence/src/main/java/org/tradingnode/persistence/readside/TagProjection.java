package org.tradingnode.persistence.readside;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.javadsl.EventsByTagQuery;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Projects the events of one tag into the read side for as long as the actor lives: reads the tag from
 * the stored offset with {@code eventsByTag}, applies the events in batches and stores the offset after
 * each batch. Any failure (journal or store) restarts the stream with backoff from the stored offset.
 */
public final class TagProjection {
  private TagProjection() {}

  /** Messages of the projection actor. */
  public sealed interface Command {}

  /** Stops the projection (sent when its shard moves to another node). */
  public enum Stop implements Command { INSTANCE }

  public static Behavior<Command> create(String tag, EventsByTagQuery journal, ReadSideStore store,
      StrategyEventProjector projector, ReadSideSettings settings) {
    return Behaviors.setup(context -> {
      context.getLog().info("read side projects tag {}", tag);
      UniqueKillSwitch killSwitch = RestartSource.withBackoff(settings.restart(),
              () -> fromStoredOffset(tag, journal, store, projector, settings))
          .viaMat(KillSwitches.single(), Keep.right())
          .toMat(Sink.ignore(), Keep.left())
          .run(context.getSystem());
      return Behaviors.receive(Command.class)
          .onMessage(Stop.class, stop -> Behaviors.stopped())
          .onSignal(PostStop.class, signal -> {
            killSwitch.shutdown();
            return Behaviors.same();
          })
          .build();
    });
  }

  /** The tag's events from the stored offset, applied; emits the offset stored after each batch. */
  private static Source<Offset, NotUsed> fromStoredOffset(String tag, EventsByTagQuery journal, ReadSideStore store,
      StrategyEventProjector projector, ReadSideSettings settings) {
    return Source.completionStageSource(store.offset(tag).thenApply(offset -> journal.eventsByTag(tag, offset)))
        .groupedWithin(settings.batchSize(), settings.batchWindow())
        .mapAsync(1, batch -> apply(tag, batch, store, projector))
        .mapMaterializedValue(ignored -> NotUsed.getInstance());
  }

  private static CompletionStage<Offset> apply(String tag, List<EventEnvelope> batch,
      ReadSideStore store, StrategyEventProjector projector) {
    Offset last = batch.get(batch.size() - 1).offset();
    return store.update(tag, last, rows -> batch.forEach(envelope -> projector.apply(rows, envelope)))
        .thenApply(done -> last);
  }
}
