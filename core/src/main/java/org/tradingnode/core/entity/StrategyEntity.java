package org.tradingnode.core.entity;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.risk.DenyReason;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyBook;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.serialization.CborSerializable;
import org.tradingnode.core.entity.chain.ChainingEventAdapter;

/**
 * One strategy: its config, lifecycle, intents, orders and positions. The logic runs in a supervised
 * runner child that exists only while the strategy is RUNNING and the mode allows it; a runner that
 * keeps crashing makes the strategy FAILED. Every intent is persisted with a deterministic client order
 * id before it goes to risk, and re-sent after a restart until risk or the venue has answered it.
 */
public final class StrategyEntity
    extends EventSourcedBehaviorWithEnforcedReplies<StrategyEntity.Command, StrategyEntity.Event,
        StrategyEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Strategy");

  /** Messages the strategy takes. */
  public sealed interface Command extends CborSerializable {}

  /**
   * Defines the strategy and starts it, or records it halted when trading is halted: {@code modeInForce}
   * is the mode the caller read from the coordinator (null when it does not know: the strategy starts, and
   * the coordinator halts it moments later when it answers the strategy's registration).
   */
  public record CreateStrategy(StrategyConfig config, ModeView modeInForce, ActorRef<Reply> replyTo)
      implements Command {
    public CreateStrategy(StrategyConfig config, ActorRef<Reply> replyTo) {
      this(config, null, replyTo);
    }
  }

  /** Pauses a running strategy whose last orders were all refused. */
  record PauseForRefusals(int refused, String lastReason) implements Command {}

  /** Starts a stopped, halted or failed strategy. */
  public record StartStrategy(ActorRef<Reply> replyTo) implements Command {}

  /** Stops the runner and cancels the strategy's open orders. */
  public record StopStrategy(String reason, ActorRef<Reply> replyTo) implements Command {}

  /** Asks for the strategy's details. */
  public record GetStrategy(ActorRef<Reply> replyTo) implements Command {}

  /**
   * Stops the strategy (recording it halted when {@code afterHalt}: part of an emergency stop), cancels
   * its open orders and closes its positions with reduce-only market orders through risk.
   */
  public record FlattenStrategy(String reason, boolean afterHalt, ActorRef<Reply> replyTo) implements Command {}

  /** Sends the next closing orders of a flatten in progress. */
  enum ContinueFlatten implements Command { INSTANCE }

  /** Deletes a strategy that is not running, has no open order and holds no position. */
  public record DeleteStrategy(String reason, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Gives a strategy that is not running new parameters: {@code params} replace all of them, or with
   * {@code merge} only those named (checked as at creation).
   */
  public record ReconfigureStrategy(Map<String, String> params, boolean merge, ActorRef<Reply> replyTo)
      implements Command {}

  /** From the runner: orders the logic wants, computed from the view of {@code viewVersion}. */
  public record ProposeIntents(List<IntentProposal> proposals, long viewVersion) implements Command {}

  /** Asks for the last prices the strategy saw (not journaled), to value positions read elsewhere. */
  public record GetMarks(ActorRef<Marks> replyTo) implements Command {}

  /** From the runner: last prices seen, for unrealized PnL. */
  public record RecordMarks(Map<String, BigDecimal> prices) implements Command {}

  /** From risk: an intent was refused. */
  public record IntentDenied(String clientOrderId, DenyReason reason, String detail) implements Command {}

  /** From the connection: news about one of our orders. */
  public record OrderUpdated(VenueReport report) implements Command {}

  /**
   * From the connection, answering a replay: it has no record of this order, so it was never submitted
   * (risk never approved it, or the approval was lost with a node); the intent may be asked of risk again.
   */
  public record OrderUnknownToConnection(String clientOrderId) implements Command {}

  /** Timer: orders without news for a while are followed up (an answer may have been lost with a node). */
  public record FollowUpUnansweredIntents() implements Command {}

  /** From the coordinator: the trading mode, decided at {@code since}. */
  public record ApplyMode(TradingMode mode, String reason, long since) implements Command {}

  /** From this node's replica of the kill switch: its state when the entity starts, and every change. */
  public record HaltSignalled(KillSwitch.HaltSignal signal) implements Command {}

  /** From the runner, after every (re)start: it needs the current view. */
  public record RunnerStarted(ActorRef<StrategyRunners.Command> runner) implements Command {}

  /** The runner stopped; if we did not stop it, it failed for good. */
  public record RunnerTerminated(ActorRef<StrategyRunners.Command> runner) implements Command {}

  /** Answers to operator commands. */
  public sealed interface Reply extends CborSerializable {}

  /** The command was carried out; the strategy as it is now. */
  public record Done(StrategyDetails details) implements Reply {}

  /** The last price the strategy saw per symbol; empty when it has seen none since it started. */
  public record Marks(Map<String, BigDecimal> prices) implements Reply {
    public Marks {
      prices = Map.copyOf(prices);
    }
  }

  /** The command was refused. */
  public record Refused(Refusal refusal, String message) implements Reply {}

  /** Why an operator command was refused. */
  public enum Refusal { NOT_FOUND, ALREADY_EXISTS, INVALID, CONFLICT }

  /** Persisted facts. */
  public sealed interface Event extends CborSerializable {}

  /** The strategy was defined. */
  public record StrategyCreated(StrategyConfig config, long at) implements Event {}

  /** It runs. */
  public record StrategyStarted(long at) implements Event {}

  /** An operator stopped it. */
  public record StrategyStopped(String reason, long at) implements Event {}

  /** The system was halted while it ran. */
  public record StrategyHalted(String reason, long at) implements Event {}

  /** The halt was lifted and it runs again. */
  public record StrategyResumed(String reason, long at) implements Event {}

  /** Its runner kept crashing. */
  public record StrategyFailed(String reason, long at) implements Event {}

  /** An operator deleted it: stopped, with no open order and flat. Its id may be used again. */
  public record StrategyDeleted(String reason, long at) implements Event {}

  /** A new version of its config (new parameters), given while it was not running. */
  public record StrategyReconfigured(StrategyConfig config, long at) implements Event {}

  /** It wants an order; the intent goes to risk next. */
  public record OrderIntended(OrderIntent intent) implements Event {}

  /** Risk refused the intent. */
  public record OrderDenied(String clientOrderId, DenyReason reason, String detail, long at) implements Event {}

  /**
   * The venue took the order, with what traded in the same answer (none for an order that rests) and the
   * scale of the money those fills move (the quote tick's when recorded; null in older events and without
   * fills), so that replay does not depend on today's instrument config.
   */
  public record OrderAccepted(String clientOrderId, String venueOrderId, long at, List<Fill> fills,
      Integer moneyScale) implements Event {
    @JsonCreator
    public OrderAccepted {
      fills = fills == null ? List.of() : List.copyOf(fills);
    }

    /** An acceptance without fills. */
    public OrderAccepted(String clientOrderId, String venueOrderId, long at) {
      this(clientOrderId, venueOrderId, at, List.of(), null);
    }
  }

  /** Part or all of an order filled; {@code moneyScale} as in {@link OrderAccepted}. */
  public record OrderFilled(Fill fill, Integer moneyScale) implements Event {
    @JsonCreator
    public OrderFilled {}
  }

  /** The order ended without filling completely (cancelled, rejected by the venue, expired). */
  public record OrderClosed(String clientOrderId, OrderStatus status, String reason, long at) implements Event {}

  /** What the entity remembers. */
  public sealed interface State extends CborSerializable {}

  /** Nothing defined under this id yet. */
  public enum NoStrategy implements State { INSTANCE }

  /** A defined strategy. */
  public record DefinedStrategy(StrategyConfig config, StrategyStatus status, String statusReason, StrategyBook book)
      implements State {

    DefinedStrategy withStatus(StrategyStatus next, String reason) {
      return new DefinedStrategy(config, next, reason, book);
    }

    DefinedStrategy withBook(StrategyBook next) {
      return new DefinedStrategy(config, status, statusReason, next);
    }
  }

  private final ActorContext<Command> context;
  private final ChainingEventAdapter<Event> chain;
  private final String strategyId;
  private final EntityDirectory directory;
  private final InstrumentCatalog catalog;
  private final StrategyTypes types;
  private final Clock clock;
  private final Map<String, BigDecimal> marks = new HashMap<>();
  private final RunnerSlot runner;
  private final OrderFollowUps followUps;
  /**
   * The mode the coordinator last told this incarnation. Until it has answered the registration the
   * runner does not start: a strategy that comes back on another node after a crash may have missed a halt.
   */
  private TradingMode mode = TradingMode.INITIALIZING;
  private final StrategyOperatorCommands operator;
  /** The kill switch as this node sees it; the runner also waits until it has been heard. */
  private final HaltGuard guard = new HaltGuard();

  public static Behavior<Command> create(String strategyId, EntityDirectory directory, InstrumentCatalog catalog,
      StrategyTypes types, StrategyRunners.Factory runners, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new FollowUpUnansweredIntents(), OrderFollowUps.UNANSWERED_AFTER);
      return KillSwitch.watched(HaltSignalled::new,
          new StrategyEntity(ctx, strategyId, directory, catalog, types, runners, clock));
    }));
  }

  private StrategyEntity(ActorContext<Command> context, String strategyId, EntityDirectory directory,
      InstrumentCatalog catalog, StrategyTypes types, StrategyRunners.Factory runners, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), strategyId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.chain = new ChainingEventAdapter<>(context.getSystem());
    this.strategyId = strategyId;
    this.directory = directory;
    this.catalog = catalog;
    this.types = types;
    this.runner = new RunnerSlot(context, runners, catalog, clock);
    this.followUps = new OrderFollowUps(strategyId, directory, clock, context.getLog());
    this.clock = clock;
    this.operator = new StrategyOperatorCommands(strategyId, context, Effect(), directory, catalog, types,
        followUps, clock, new StrategyOperatorCommands.Host() {
          @Override
          public void afterChange(DefinedStrategy state) {
            StrategyEntity.this.afterChange(state);
          }

          @Override
          public StrategyDetails details(DefinedStrategy state) {
            return StrategyEntity.this.details(state);
          }
        });
  }

  @Override
  public State emptyState() {
    return NoStrategy.INSTANCE;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public ChainingEventAdapter<Event> eventAdapter() {
    return chain;
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return chain.snapshots();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(TYPE_KEY.name(), strategyId));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          chain.recoveryCompleted();
          if (state instanceof DefinedStrategy s) {
            directory.coordinator().tell(new SafetyCoordinator.Register(
                new Participant(Participant.Kind.STRATEGY, strategyId)));
            followUps.askAboutOpenOrders(s);
            afterChange(s);
          }
        })
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forStateType(NoStrategy.class)
        .onCommand(CreateStrategy.class, this::onCreate)
        .onCommand(StartStrategy.class, cmd -> notFound(cmd.replyTo()))
        .onCommand(StopStrategy.class, cmd -> notFound(cmd.replyTo()))
        .onCommand(GetStrategy.class, cmd -> notFound(cmd.replyTo()))
        .onCommand(DeleteStrategy.class, cmd -> notFound(cmd.replyTo()))
        .onCommand(FlattenStrategy.class, cmd -> notFound(cmd.replyTo()))
        .onCommand(ReconfigureStrategy.class, cmd -> notFound(cmd.replyTo()))
        .onCommand(GetMarks.class, cmd -> Effect().reply(cmd.replyTo(), new Marks(Map.of())))
        .onCommand(HaltSignalled.class, cmd -> {
          guard.isNewHalt(cmd.signal());
          return Effect().noReply();
        })
        .onAnyCommand(cmd -> Effect().noReply());
    builder.forStateType(DefinedStrategy.class)
        .onCommand(CreateStrategy.class, (s, cmd) -> s.status() == StrategyStatus.DELETED ? onCreate(s, cmd)
            : Effect().reply(cmd.replyTo(), new Refused(Refusal.ALREADY_EXISTS,
                "strategy " + strategyId + " already exists")))
        .onCommand(StartStrategy.class, (s, cmd) -> unlessDeleted(s, cmd.replyTo(), () -> onStart(s, cmd)))
        .onCommand(StopStrategy.class, (s, cmd) -> unlessDeleted(s, cmd.replyTo(), () -> onStop(s, cmd)))
        .onCommand(GetStrategy.class, (s, cmd) -> unlessDeleted(s, cmd.replyTo(),
            () -> Effect().reply(cmd.replyTo(), new Done(details(s)))))
        .onCommand(DeleteStrategy.class, (s, cmd) -> unlessDeleted(s, cmd.replyTo(), () -> operator.delete(s, cmd)))
        .onCommand(FlattenStrategy.class, (s, cmd) -> unlessDeleted(s, cmd.replyTo(),
            () -> operator.flatten(s, cmd)))
        .onCommand(ContinueFlatten.class, (s, cmd) -> operator.continueFlatten(s, marks))
        .onCommand(ReconfigureStrategy.class, (s, cmd) -> unlessDeleted(s, cmd.replyTo(),
            () -> operator.reconfigure(s, cmd)))
        .onCommand(GetMarks.class, (s, cmd) -> Effect().reply(cmd.replyTo(), new Marks(marks)))
        .onCommand(ProposeIntents.class, this::onProposals)
        .onCommand(RecordMarks.class, (s, cmd) -> {
          marks.putAll(cmd.prices());
          return Effect().noReply();
        })
        .onCommand(IntentDenied.class, this::onDenied)
        .onCommand(OrderUnknownToConnection.class, (s, cmd) -> {
          followUps.unknownToConnection(s, cmd.clientOrderId());
          return Effect().noReply();
        })
        .onCommand(FollowUpUnansweredIntents.class, (s, cmd) -> {
          followUps.followUpQuietOrders(s);
          return Effect().noReply();
        })
        .onCommand(OrderUpdated.class, this::onOrderUpdated)
        .onCommand(ApplyMode.class, this::onApplyMode)
        .onCommand(HaltSignalled.class, this::onHaltSignalled)
        .onCommand(RunnerStarted.class, (s, cmd) -> {
          afterChange(s);
          return Effect().noReply();
        })
        .onCommand(RunnerTerminated.class, this::onRunnerTerminated)
        .onCommand(PauseForRefusals.class, operator::pause);
    return builder.build();
  }

  private ReplyEffect<Event, State> onCreate(State state, CreateStrategy cmd) {
    StrategyConfig config = cmd.config();
    Optional<String> problem = config.id().equals(strategyId) ? types.problemWith(config, catalog)
        : Optional.of("config id does not match " + strategyId);
    if (problem.isPresent()) {
      return Effect().reply(cmd.replyTo(), new Refused(Refusal.INVALID, problem.get()));
    }
    long now = clock.millis();
    Optional<String> halt = haltInForce(cmd.modeInForce());
    Event begins = halt.<Event>map(reason -> new StrategyHalted(reason, now)).orElse(new StrategyStarted(now));
    return Effect()
        .persist(List.of(new StrategyCreated(config, now), begins))
        .thenRun(s -> {
          directory.coordinator().tell(new SafetyCoordinator.Register(
              new Participant(Participant.Kind.STRATEGY, strategyId)));
          afterChange((DefinedStrategy) s);
          TradeLog.strategy(strategyId, "created " + config.type() + " on " + config.connectionId() + " "
              + config.symbols() + halt.map(reason -> ", " + reason).orElse(""));
        })
        .thenReply(cmd.replyTo(), s -> new Done(details((DefinedStrategy) s)));
  }

  /** Why a strategy created now must not run: trading is halted, as the caller read it from the coordinator. */
  private static Optional<String> haltInForce(ModeView told) {
    return told != null && told.mode() == TradingMode.HALTED
        ? Optional.of(TradingMode.HALTED + ": " + told.reason()) : Optional.empty();
  }

  private ReplyEffect<Event, State> onStart(DefinedStrategy state, StartStrategy cmd) {
    if (state.status() == StrategyStatus.RUNNING) {
      return Effect().reply(cmd.replyTo(), new Done(details(state)));
    }
    if (mode == TradingMode.HALTED) {
      return Effect().reply(cmd.replyTo(), new Refused(Refusal.CONFLICT, "trading is halted; resume first"));
    }
    operator.started();
    return Effect().persist(new StrategyStarted(clock.millis()))
        .thenRun(s -> {
          afterChange((DefinedStrategy) s);
          TradeLog.strategy(strategyId, "started");
        })
        .thenReply(cmd.replyTo(), s -> new Done(details((DefinedStrategy) s)));
  }

  private ReplyEffect<Event, State> onStop(DefinedStrategy state, StopStrategy cmd) {
    if (state.status() == StrategyStatus.STOPPED) {
      return Effect().reply(cmd.replyTo(), new Done(details(state)));
    }
    return Effect().persist(new StrategyStopped(cmd.reason(), clock.millis()))
        .thenRun(s -> {
          afterChange((DefinedStrategy) s);
          followUps.cancelOpenOrders((DefinedStrategy) s, cmd.reason());
          TradeLog.strategy(strategyId, "stopped: " + cmd.reason());
        })
        .thenReply(cmd.replyTo(), s -> new Done(details((DefinedStrategy) s)));
  }

  private ReplyEffect<Event, State> onProposals(DefinedStrategy state, ProposeIntents cmd) {
    long version = lastSequenceNumber(context);
    if (state.status() != StrategyStatus.RUNNING || cmd.viewVersion() != version) {
      afterChange(state);
      return Effect().noReply();
    }
    List<Event> events = state.book().intentsFor(state.config(), cmd.proposals(), clock.millis()).stream()
        .<Event>map(OrderIntended::new).toList();
    if (events.isEmpty()) {
      afterChange(state);
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(s -> {
      for (Event e : events) {
        OrderIntent intent = ((OrderIntended) e).intent();
        directory.risk(intent.account()).tell(new RiskEntity.EvaluateIntent(intent));
      }
      afterChange((DefinedStrategy) s);
    }).thenNoReply();
  }

  private ReplyEffect<Event, State> onDenied(DefinedStrategy state, IntentDenied cmd) {
    if (state.book().openOrder(cmd.clientOrderId()) == null) {
      return Effect().noReply();
    }
    return Effect().persist(new OrderDenied(cmd.clientOrderId(), cmd.reason(), cmd.detail(), clock.millis()))
        .thenRun(s -> {
          afterChange((DefinedStrategy) s);
          noticeProgress((DefinedStrategy) s, cmd.clientOrderId());
          operator.orderChanged((DefinedStrategy) s, runner.refusalsAllowed());
        }).thenNoReply();
  }

  private ReplyEffect<Event, State> onOrderUpdated(DefinedStrategy state, OrderUpdated cmd) {
    List<Event> events = StrategyEvents.forReport(state.book(), cmd.report(),
        symbol -> moneyScale(state.config(), symbol));
    if (events.isEmpty()) {
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(s -> {
      afterChange((DefinedStrategy) s);
      noticeProgress((DefinedStrategy) s, cmd.report().clientOrderId());
      operator.orderChanged((DefinedStrategy) s, runner.refusalsAllowed());
    }).thenNoReply();
  }

  private void noticeProgress(DefinedStrategy state, String clientOrderId) {
    state.book().order(clientOrderId).ifPresent(order -> NodeNotice.publish(context.getSystem(),
        new NodeNotice.OrderProgressed(strategyId, clientOrderId, order.status(), order.intent().tag())));
  }

  /** A halt from the kill switch is applied at once, as the coordinator's own halt would be. */
  private ReplyEffect<Event, State> onHaltSignalled(DefinedStrategy state, HaltSignalled cmd) {
    if (guard.isNewHalt(cmd.signal())) {
      return onApplyMode(state, new ApplyMode(TradingMode.HALTED, "emergency stop: " + cmd.signal().reason(),
          cmd.signal().at()));
    }
    afterChange(state);
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onApplyMode(DefinedStrategy state, ApplyMode cmd) {
    if (!guard.accepts(cmd.mode(), cmd.since())) {
      context.getLog().info("strategy {} ignores mode {} decided before the last emergency stop it saw", strategyId,
          cmd.mode());
      return Effect().noReply();
    }
    mode = cmd.mode();
    if (!mode.allowsRunners() && state.status() == StrategyStatus.RUNNING) {
      // The mode is already durable at the coordinator: stop first, record the halt after.
      afterChange(state);
      cancelUnlessHalted(state, cmd.mode());
      return Effect().persist(new StrategyHalted(cmd.mode() + ": " + cmd.reason(), clock.millis()))
          .thenRun(s -> NodeNotice.publish(context.getSystem(), new NodeNotice.StrategyHalted(strategyId,
              cmd.since())))
          .thenNoReply();
    }
    if (mode.allowsRunners() && state.status() == StrategyStatus.HALTED) {
      return Effect().persist(new StrategyResumed(cmd.reason(), clock.millis()))
          .thenRun(s -> afterChange((DefinedStrategy) s)).thenNoReply();
    }
    if (!mode.allowsRunners()) {
      cancelUnlessHalted(state, cmd.mode());
    }
    afterChange(state);
    return Effect().noReply();
  }

  /**
   * Asks the connection to cancel the strategy's open orders when a mode stops the runner, except on a
   * halt: a connection cancels every open order of its account when it applies the halt itself, and the
   * requests of a thousand strategies would reach it first and hold its halt behind their writes.
   */
  private void cancelUnlessHalted(DefinedStrategy state, TradingMode stopping) {
    if (stopping != TradingMode.HALTED) {
      followUps.cancelOpenOrders(state, "trading " + stopping);
    }
  }

  private ReplyEffect<Event, State> onRunnerTerminated(DefinedStrategy state, RunnerTerminated cmd) {
    if (!runner.lost(cmd.runner())) {
      return Effect().noReply();
    }
    String reason = "runner crashed " + runner.crashesAllowed() + " times in a row";
    return Effect().persist(new StrategyFailed(reason, clock.millis()))
        .thenRun(s -> {
          TradeLog.strategyWarning(strategyId, "failed: " + reason);
          directory.coordinator().tell(new SafetyCoordinator.ReportAlert(Alert.STRATEGY_FAILED, strategyId, reason));
          followUps.cancelOpenOrders(state, reason);
        })
        .thenNoReply();
  }

  /** Keeps the runner in line with the state and tells it the book it may trade from. */
  private void afterChange(DefinedStrategy state) {
    runner.align(state, state.status() == StrategyStatus.RUNNING && mode.allowsRunners() && guard.known(),
        lastSequenceNumber(context));
  }

  private StrategyDetails details(DefinedStrategy state) {
    return StrategyDetails.of(state.config(), state.status(), state.statusReason(), state.book(), marks,
        symbol -> moneyScale(state.config(), symbol), runner.placement());
  }

  /** The money scale of the symbol's instrument as configured now (8 when it is gone). */
  private int moneyScale(StrategyConfig config, String symbol) {
    return catalog.find(config.exchange(), symbol).map(i -> i.tickSize().scale()).orElse(8);
  }

  /** The scale an event recorded; for an event older than that field, the configured one. */
  private int recorded(Integer moneyScale, StrategyConfig config, String symbol) {
    return moneyScale != null ? moneyScale : moneyScale(config, symbol);
  }

  private ReplyEffect<Event, State> notFound(ActorRef<Reply> replyTo) {
    return Effect().reply(replyTo, new Refused(Refusal.NOT_FOUND, "unknown strategy " + strategyId));
  }

  /** A deleted strategy answers as an unknown one, saying it was deleted. */
  private ReplyEffect<Event, State> unlessDeleted(DefinedStrategy state, ActorRef<Reply> replyTo,
      java.util.function.Supplier<ReplyEffect<Event, State>> handler) {
    return state.status() == StrategyStatus.DELETED
        ? Effect().reply(replyTo, new Refused(Refusal.NOT_FOUND, "strategy " + strategyId + " was deleted ("
            + state.statusReason() + ")"))
        : handler.get();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder.forStateType(NoStrategy.class)
        .onEvent(StrategyCreated.class, (s, e) ->
            new DefinedStrategy(e.config(), StrategyStatus.STOPPED, "created", StrategyBook.empty()));
    builder.forStateType(DefinedStrategy.class)
        .onEvent(StrategyStarted.class, (s, e) -> s.withStatus(StrategyStatus.RUNNING, "started"))
        .onEvent(StrategyStopped.class, (s, e) -> s.withStatus(StrategyStatus.STOPPED, e.reason()))
        .onEvent(StrategyHalted.class, (s, e) -> s.withStatus(StrategyStatus.HALTED, e.reason()))
        .onEvent(StrategyResumed.class, (s, e) -> s.withStatus(StrategyStatus.RUNNING, e.reason()))
        .onEvent(StrategyFailed.class, (s, e) -> s.withStatus(StrategyStatus.FAILED, e.reason()))
        .onEvent(StrategyDeleted.class, (s, e) -> s.withStatus(StrategyStatus.DELETED, e.reason()))
        .onEvent(StrategyReconfigured.class, (s, e) -> new DefinedStrategy(e.config(), s.status(), s.statusReason(),
            s.book()))
        .onEvent(StrategyCreated.class, (s, e) ->
            new DefinedStrategy(e.config(), StrategyStatus.STOPPED, "created", s.book().emptiedForReuse()))
        .onEvent(OrderIntended.class, (s, e) -> s.withBook(s.book().withIntent(e.intent())))
        .onEvent(OrderDenied.class, (s, e) -> s.withBook(
            s.book().withClosed(e.clientOrderId(), OrderStatus.REJECTED, e.reason() + ": " + e.detail(), e.at())))
        .onEvent(OrderAccepted.class, (s, e) -> s.withBook(s.book().withAccepted(e.clientOrderId(), e.venueOrderId(),
            e.at(), e.fills(), symbol -> recorded(e.moneyScale(), s.config(), symbol))))
        .onEvent(OrderFilled.class, (s, e) ->
            s.withBook(s.book().withFill(e.fill(), recorded(e.moneyScale(), s.config(), e.fill().symbol()))))
        .onEvent(OrderClosed.class, (s, e) ->
            s.withBook(s.book().withClosed(e.clientOrderId(), e.status(), e.reason(), e.at())));
    return builder.build();
  }
}
