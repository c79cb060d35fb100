package org.tradingnode.core.entity;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.strategy.SymbolView;
import org.tradingnode.core.entity.StrategyEntity.Command;
import org.tradingnode.core.entity.StrategyEntity.DefinedStrategy;
import org.tradingnode.core.entity.StrategyEntity.RunnerTerminated;

/**
 * Where a strategy entity keeps its runner child: started when the strategy should run, stopped when it
 * should not, told the book it may trade from after every change, and placed (node, since when).
 */
final class RunnerSlot {
  private final ActorContext<Command> context;
  private final StrategyRunners.Factory runners;
  private final InstrumentCatalog catalog;
  private final Clock clock;
  private ActorRef<StrategyRunners.Command> runner;
  private long since;

  RunnerSlot(ActorContext<Command> context, StrategyRunners.Factory runners, InstrumentCatalog catalog, Clock clock) {
    this.context = context;
    this.runners = runners;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Starts or stops the runner as {@code shouldRun} says and tells a running one the views of the book
   * as of {@code viewVersion} (the entity's last sequence number).
   */
  void align(DefinedStrategy state, boolean shouldRun, long viewVersion) {
    if (shouldRun && runner == null) {
      runner = context.spawnAnonymous(runners.create(state.config(),
          catalog.bySymbol(state.config().exchange(), state.config().symbols()), context.getSelf()));
      context.watchWith(runner, new RunnerTerminated(runner));
      since = clock.millis();
    } else if (!shouldRun && runner != null) {
      context.unwatch(runner);
      context.stop(runner);
      runner = null;
    }
    if (runner != null) {
      Map<String, SymbolView> views = new HashMap<>();
      state.config().symbols().forEach(symbol -> views.put(symbol, state.book().view(symbol)));
      runner.tell(new StrategyRunners.ViewChanged(views, viewVersion));
    }
  }

  /** True when the runner that ended is the current one (it failed for good); the slot is then empty. */
  boolean lost(ActorRef<StrategyRunners.Command> ended) {
    if (!ended.equals(runner)) {
      return false;
    }
    runner = null;
    return true;
  }

  /** How many orders in a row may be refused before the strategy is paused. */
  int refusalsAllowed() {
    return runners.supervision().maxRefusalsInARow();
  }

  /** How many times in a row a runner may crash before the strategy fails. */
  int crashesAllowed() {
    return runners.supervision().maxRestarts() + 1;
  }

  /** Where the strategy runs: this node, whether its runner runs and since when. */
  StrategyDetails.Placement placement() {
    var address = context.getSystem().address();
    String node = address.getHost().isPresent() ? address.getHost().get() + ":" + address.getPort().orElse(0)
        : address.toString();
    return new StrategyDetails.Placement(node, runner != null, runner == null ? 0 : since);
  }
}
