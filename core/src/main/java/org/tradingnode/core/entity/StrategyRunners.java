package org.tradingnode.core.entity;

import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.SymbolView;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * How a strategy entity runs its logic: the node gives it a {@link Factory} of runner children; the entity
 * tells its runner every new view of its book ({@link ViewChanged}) and the runner answers with the
 * strategy's own commands ({@link StrategyEntity.RunnerStarted}, {@link StrategyEntity.ProposeIntents},
 * {@link StrategyEntity.RecordMarks}). The entity knows nothing else of how runners work.
 */
public final class StrategyRunners {
  private StrategyRunners() {}

  /** What a runner takes; a runner's own messages (market data, timers) extend it. */
  public interface Command extends CborSerializable {}

  /** The strategy's book per symbol, as of entity sequence number {@code version}. */
  public record ViewChanged(Map<String, SymbolView> views, long version) implements Command {}

  /** Makes the runners of the node's strategies. */
  public interface Factory {
    /** A supervised runner of the strategy, reporting to {@code strategy}. */
    Behavior<Command> create(StrategyConfig config, Map<String, Instrument> instruments,
        ActorRef<StrategyEntity.Command> strategy);

    /** How its runners are restarted when they crash, and after how many crashes in a row they are given up. */
    RunnerSupervision supervision();
  }
}
