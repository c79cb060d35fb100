package org.tradingnode.persistence.readside;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.chain.ChainingEventAdapter;

/**
 * Journals given Strategy events under a strategy's persistence id and tag, hash-chained, exactly as
 * the strategy entity stores them, so that the projection reads a real journal without the entity's
 * runner, risk and venue around it. Like the entity, it restarts with backoff when the journal fails
 * (on Cassandra, its keyspaces may still be in the making when it first recovers).
 */
final class StrategyJournalWriter extends EventSourcedBehavior<StrategyJournalWriter.Command, StrategyEntity.Event,
    Integer> {

  /** What the writer takes. */
  sealed interface Command {}

  /** Persists the events in one write and acknowledges. */
  record Append(List<StrategyEntity.Event> events, ActorRef<Done> replyTo) implements Command {}

  /** Answers how many events the writer has journaled: once it answers, it has recovered. */
  record Count(ActorRef<Integer> replyTo) implements Command {}

  private final String strategyId;
  private final ChainingEventAdapter<StrategyEntity.Event> chain;

  private StrategyJournalWriter(String strategyId, ChainingEventAdapter<StrategyEntity.Event> chain) {
    super(PersistenceId.of(StrategyEntity.TYPE_KEY.name(), strategyId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.1));
    this.strategyId = strategyId;
    this.chain = chain;
  }

  static Behavior<Command> create(String strategyId) {
    return Behaviors.setup(context ->
        new StrategyJournalWriter(strategyId, new ChainingEventAdapter<>(context.getSystem())));
  }

  @Override
  public ChainingEventAdapter<StrategyEntity.Event> eventAdapter() {
    return chain;
  }

  @Override
  public SignalHandler<Integer> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> chain.recoveryCompleted())
        .build();
  }

  @Override
  public Integer emptyState() {
    return 0;
  }

  @Override
  public Set<String> tagsFor(StrategyEntity.Event event) {
    return Set.of(EventTags.tagFor(StrategyEntity.TYPE_KEY.name(), strategyId));
  }

  @Override
  public CommandHandler<Command, StrategyEntity.Event, Integer> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Append.class, cmd -> Effect().persist(cmd.events())
            .thenReply(cmd.replyTo(), s -> Done.getInstance()))
        .onCommand(Count.class, (count, cmd) -> Effect().reply(cmd.replyTo(), count))
        .build();
  }

  @Override
  public EventHandler<Integer, StrategyEntity.Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
  }
}
