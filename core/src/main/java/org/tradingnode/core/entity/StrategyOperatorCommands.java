package org.tradingnode.core.entity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.strategy.Flattening;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.entity.StrategyEntity.Command;
import org.tradingnode.core.entity.StrategyEntity.ContinueFlatten;
import org.tradingnode.core.entity.StrategyEntity.DefinedStrategy;
import org.tradingnode.core.entity.StrategyEntity.DeleteStrategy;
import org.tradingnode.core.entity.StrategyEntity.Done;
import org.tradingnode.core.entity.StrategyEntity.Event;
import org.tradingnode.core.entity.StrategyEntity.FlattenStrategy;
import org.tradingnode.core.entity.StrategyEntity.OrderIntended;
import org.tradingnode.core.entity.StrategyEntity.PauseForRefusals;
import org.tradingnode.core.entity.StrategyEntity.ReconfigureStrategy;
import org.tradingnode.core.entity.StrategyEntity.Refusal;
import org.tradingnode.core.entity.StrategyEntity.Refused;
import org.tradingnode.core.entity.StrategyEntity.State;
import org.tradingnode.core.entity.StrategyEntity.StrategyDeleted;
import org.tradingnode.core.entity.StrategyEntity.StrategyHalted;
import org.tradingnode.core.entity.StrategyEntity.StrategyReconfigured;
import org.tradingnode.core.entity.StrategyEntity.StrategyStopped;

/**
 * What a strategy does when an operator asks more of it than to start or stop (flatten, new parameters,
 * delete), and the pause of a strategy whose orders keep being refused. Kept apart from the order flow
 * of {@link StrategyEntity}, which hands it its effects, its collaborators and a way back to its runner
 * and its details.
 */
final class StrategyOperatorCommands {
  /** How long a flatten waits after an order changed before it sends the next closing order. */
  private static final Duration FLATTEN_PACE = Duration.ofMillis(250);

  /** What the entity lends: aligning its runner after a change, and its details for a reply. */
  interface Host {
    void afterChange(DefinedStrategy state);

    StrategyDetails details(DefinedStrategy state);
  }

  private final String strategyId;
  private final ActorContext<Command> context;
  private final EffectFactories<Event, State> effects;
  private final EntityDirectory directory;
  private final InstrumentCatalog catalog;
  private final StrategyTypes types;
  private final OrderFollowUps followUps;
  private final Clock clock;
  private final Host host;
  private final FlattenRequest flatten = new FlattenRequest();
  /** Orders created before this are not counted as refused in a row: the strategy (re)started after them. */
  private long refusalsCountedSince;

  StrategyOperatorCommands(String strategyId, ActorContext<Command> context, EffectFactories<Event, State> effects,
      EntityDirectory directory, InstrumentCatalog catalog, StrategyTypes types, OrderFollowUps followUps,
      Clock clock, Host host) {
    this.strategyId = strategyId;
    this.context = context;
    this.effects = effects;
    this.directory = directory;
    this.catalog = catalog;
    this.types = types;
    this.followUps = followUps;
    this.clock = clock;
    this.host = host;
    this.refusalsCountedSince = clock.millis();
  }

  /** The strategy starts again: refusals before now no longer count towards a pause. */
  void started() {
    refusalsCountedSince = clock.millis();
  }

  /** After an order changed: the pause of a strategy refused too often, the next closing orders of a flatten. */
  void orderChanged(DefinedStrategy state, int refusalsAllowed) {
    int refused = state.book().refusedInARow(refusalsCountedSince);
    if (state.status() == StrategyStatus.RUNNING && refusalsAllowed > 0 && refused >= refusalsAllowed) {
      List<Order> closed = state.book().recentlyClosed();
      context.getSelf().tell(new PauseForRefusals(refused, closed.get(closed.size() - 1).reason()));
    }
    if (flatten.active()) {
      context.scheduleOnce(FLATTEN_PACE, context.getSelf(), ContinueFlatten.INSTANCE);
    }
  }

  ReplyEffect<Event, State> pause(DefinedStrategy state, PauseForRefusals cmd) {
    if (state.status() != StrategyStatus.RUNNING) {
      return effects.noReply();
    }
    String reason = "paused: its last " + cmd.refused() + " orders were refused, the last for " + cmd.lastReason();
    return effects.persist(new StrategyStopped(reason, clock.millis()))
        .thenRun(s -> {
          TradeLog.strategyWarning(strategyId, reason);
          host.afterChange((DefinedStrategy) s);
          followUps.cancelOpenOrders((DefinedStrategy) s, reason);
          directory.coordinator().tell(new SafetyCoordinator.ReportAlert(Alert.STRATEGY_PAUSED, strategyId, reason));
        })
        .thenNoReply();
  }

  /**
   * Stops the strategy (halted, as part of an emergency stop), cancels its open orders and starts sending
   * the closing orders of its positions.
   */
  ReplyEffect<Event, State> flatten(DefinedStrategy state, FlattenStrategy cmd) {
    flatten.start(clock.millis());
    TradeLog.strategy(strategyId, "flattens " + Flattening.held(state.book()) + ": " + cmd.reason());
    if (state.status() != StrategyStatus.RUNNING) {
      followUps.cancelOpenOrders(state, "flatten: " + cmd.reason());
      context.getSelf().tell(ContinueFlatten.INSTANCE);
      return effects.reply(cmd.replyTo(), new Done(host.details(state)));
    }
    long now = clock.millis();
    Event stops = cmd.afterHalt() ? new StrategyHalted(TradingMode.HALTED + ": emergency stop: " + cmd.reason(), now)
        : new StrategyStopped("flattened: " + cmd.reason(), now);
    return effects.persist(stops)
        .thenRun(s -> {
          host.afterChange((DefinedStrategy) s);
          followUps.cancelOpenOrders((DefinedStrategy) s, "flatten: " + cmd.reason());
          context.getSelf().tell(ContinueFlatten.INSTANCE);
        })
        .thenReply(cmd.replyTo(), s -> new Done(host.details((DefinedStrategy) s)));
  }

  /** Sends the closing orders a flatten in progress needs now, through risk; says how it ended once it has. */
  ReplyEffect<Event, State> continueFlatten(DefinedStrategy state, Map<String, BigDecimal> marks) {
    List<IntentProposal> closing = flatten.next(state.book(), marks);
    if (closing.isEmpty()) {
      if (!flatten.active()) {
        List<String> held = Flattening.held(state.book());
        if (held.isEmpty()) {
          TradeLog.strategy(strategyId, "is flat");
        } else {
          TradeLog.strategyWarning(strategyId, "could not flatten " + held + ": its closing orders filled nothing "
              + FlattenRequest.ATTEMPTS + " times");
        }
      }
      return effects.noReply();
    }
    List<Event> events = state.book().intentsFor(state.config(), closing, clock.millis()).stream()
        .<Event>map(OrderIntended::new).toList();
    return effects.persist(events).thenRun(s -> {
      for (Event e : events) {
        OrderIntent intent = ((OrderIntended) e).intent();
        directory.risk(intent.account()).tell(new RiskEntity.EvaluateIntent(intent));
      }
    }).thenNoReply();
  }

  ReplyEffect<Event, State> delete(DefinedStrategy state, DeleteStrategy cmd) {
    Optional<String> why = whyNotDeletable(state);
    if (why.isPresent()) {
      return effects.reply(cmd.replyTo(), new Refused(Refusal.CONFLICT, why.get()));
    }
    return effects.persist(new StrategyDeleted(cmd.reason(), clock.millis()))
        .thenRun(s -> {
          host.afterChange((DefinedStrategy) s);
          TradeLog.strategy(strategyId, "deleted: " + cmd.reason());
        })
        .thenReply(cmd.replyTo(), s -> new Done(host.details((DefinedStrategy) s)));
  }

  ReplyEffect<Event, State> reconfigure(DefinedStrategy state, ReconfigureStrategy cmd) {
    if (state.status() == StrategyStatus.RUNNING) {
      return effects.reply(cmd.replyTo(), new Refused(Refusal.CONFLICT,
          "strategy " + strategyId + " is running; stop it before changing its parameters"));
    }
    StrategyConfig next = state.config().withParams(cmd.params(), cmd.merge());
    Optional<String> problem = types.problemWith(next, catalog);
    if (problem.isPresent()) {
      return effects.reply(cmd.replyTo(), new Refused(Refusal.INVALID, problem.get()));
    }
    return effects.persist(new StrategyReconfigured(next, clock.millis()))
        .thenRun(s -> TradeLog.strategy(strategyId, "new parameters " + new java.util.TreeMap<>(next.params())))
        .thenReply(cmd.replyTo(), s -> new Done(host.details((DefinedStrategy) s)));
  }

  /** Why the strategy cannot be deleted now (running, orders open, a position held); empty when it can. */
  private Optional<String> whyNotDeletable(DefinedStrategy state) {
    if (state.status() == StrategyStatus.RUNNING) {
      return Optional.of("strategy " + strategyId + " is running; stop it first");
    }
    if (!state.book().openOrders().isEmpty()) {
      return Optional.of("strategy " + strategyId + " has " + state.book().openOrders().size()
          + " open orders; wait until its stop has canceled them");
    }
    List<Position> held = state.book().positions().values().stream().filter(p -> !p.isFlat()).toList();
    if (!held.isEmpty()) {
      return Optional.of("strategy " + strategyId + " holds " + held.stream()
          .map(p -> p.quantity().stripTrailingZeros().toPlainString() + " " + p.symbol()).toList()
          + "; flatten it first (POST .../flatten)");
    }
    return Optional.empty();
  }
}
