package org.tradingnode.persistence.readside;

import java.util.List;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.entity.StrategyEntity;

/**
 * Journals given Strategy events under a strategy's persistence id and tag, exactly as the strategy
 * entity stores them, so that the projection reads a real journal without the entity's runner, risk
 * and venue around it.
 */
final class StrategyJournalWriter extends EventSourcedBehavior<StrategyJournalWriter.Append, StrategyEntity.Event,
    Integer> {

  /** Persists the events in one write and acknowledges. */
  record Append(List<StrategyEntity.Event> events, ActorRef<Done> replyTo) {}

  private final String strategyId;

  private StrategyJournalWriter(String strategyId) {
    super(PersistenceId.of(StrategyEntity.TYPE_KEY.name(), strategyId));
    this.strategyId = strategyId;
  }

  static Behavior<Append> create(String strategyId) {
    return new StrategyJournalWriter(strategyId);
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
  public CommandHandler<Append, StrategyEntity.Event, Integer> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Append.class, cmd -> Effect().persist(cmd.events()).thenReply(cmd.replyTo(), s -> Done.getInstance()))
        .build();
  }

  @Override
  public EventHandler<Integer, StrategyEntity.Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
  }
}
