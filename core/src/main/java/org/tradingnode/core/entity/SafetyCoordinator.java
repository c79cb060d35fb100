package org.tradingnode.core.entity;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.serialization.CborSerializable;
import org.tradingnode.core.entity.chain.ChainingEventAdapter;

/**
 * The one place that decides the trading mode (a cluster singleton). It persists every change, pushes
 * it to every registered strategy, risk and connection entity, and answers late registrants with the
 * current mode, so a HALTED system stays halted across restarts until an operator resumes it.
 */
public final class SafetyCoordinator
    extends EventSourcedBehaviorWithEnforcedReplies<SafetyCoordinator.Command, SafetyCoordinator.Event,
        SafetyCoordinator.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.of("SafetyCoordinator", "global");

  /** Messages the coordinator takes. */
  public sealed interface Command extends CborSerializable {}

  /** Asks for the current mode. */
  public record GetMode(ActorRef<ModeView> replyTo) implements Command {}

  /** An operator (or an alert) asks for a new mode; refused when the transition is not allowed. */
  public record ChangeMode(TradingMode target, String reason, ActorRef<StatusReply<ModeView>> replyTo)
      implements Command {}

  /** An entity that must hear mode changes announces itself; it is told the current mode at once. */
  public record Register(Participant participant) implements Command {}

  /** After recovery in INITIALIZING or SHUTDOWN: trading starts, unless an emergency stop came first. */
  enum StartTrading implements Command { INSTANCE }

  /** This node's replica of the kill switch: its state when the coordinator starts, and every change. */
  public record HaltSignalled(KillSwitch.HaltSignal signal) implements Command {}

  /** Something went wrong somewhere; some alerts force a mode. */
  public record ReportAlert(Alert alert, String source, String detail) implements Command {}

  /** Persisted facts. */
  public sealed interface Event extends CborSerializable {}

  /** The mode changed. */
  public record ModeChanged(TradingMode from, TradingMode to, String reason, long at) implements Event {}

  /**
   * The mode in force was asked for again with another reason (a second emergency stop): the mode and
   * since when it holds stay, the latest reason is shown, and the journal keeps every one.
   */
  public record ModeReasonAdded(TradingMode mode, String reason, long at) implements Event {}

  /** A participant registered for the first time. */
  public record ParticipantRegistered(Participant participant) implements Event {}

  /** An alert arrived. */
  public record AlertRaised(Alert alert, String source, String detail, long at) implements Event {}

  /** The mode with its reason and the participants to tell. */
  public record State(ModeView mode, Set<Participant> participants) implements CborSerializable {
    public State {
      participants = Set.copyOf(participants);
    }

    State with(ModeChanged e) {
      return new State(new ModeView(e.to(), e.reason(), e.at()), participants);
    }

    State with(ModeReasonAdded e) {
      return new State(new ModeView(mode.mode(), e.reason(), mode.since()), participants);
    }

    State with(Participant p) {
      Set<Participant> all = new HashSet<>(participants);
      all.add(p);
      return new State(mode, all);
    }
  }

  private static final Comparator<Participant> BROADCAST_ORDER = Comparator.comparing(
      (Participant p) -> p.kind() == Participant.Kind.CONNECTION ? 0 : p.kind() == Participant.Kind.RISK ? 1 : 2);

  private final ActorContext<Command> context;
  private final ChainingEventAdapter<Event> chain;
  private final EntityDirectory directory;
  private final Clock clock;

  public static Behavior<Command> create(EntityDirectory directory, Clock clock) {
    return Behaviors.setup(ctx -> KillSwitch.watched(HaltSignalled::new, new SafetyCoordinator(ctx, directory, clock)));
  }

  private SafetyCoordinator(ActorContext<Command> context, EntityDirectory directory, Clock clock) {
    super(PERSISTENCE_ID, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.chain = new ChainingEventAdapter<>(context.getSystem());
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return new State(new ModeView(TradingMode.INITIALIZING, "starting", 0L), Set.of());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(PERSISTENCE_ID.entityTypeHint(), PERSISTENCE_ID.entityId()));
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
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          chain.recoveryCompleted();
          TradingMode mode = state.mode().mode();
          if (mode == TradingMode.INITIALIZING || mode == TradingMode.SHUTDOWN) {
            context.getSelf().tell(StartTrading.INSTANCE);
          } else {
            broadcast(state);
          }
        })
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(GetMode.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state.mode()))
        .onCommand(ChangeMode.class, this::onChangeMode)
        .onCommand(Register.class, this::onRegister)
        .onCommand(ReportAlert.class, this::onAlert)
        .onCommand(HaltSignalled.class, this::onHaltSignalled)
        .onCommand(StartTrading.class, (state, cmd) -> state.mode().mode() == TradingMode.INITIALIZING
            || state.mode().mode() == TradingMode.SHUTDOWN
            ? onChangeMode(state, new ChangeMode(TradingMode.RUNNING, "node started", context.getSystem().ignoreRef()))
            : Effect().noReply())
        .build();
  }

  private ReplyEffect<Event, State> onChangeMode(State state, ChangeMode cmd) {
    TradingMode current = state.mode().mode();
    if (current == cmd.target()) {
      if (cmd.reason().equals(state.mode().reason())) {
        return Effect().reply(cmd.replyTo(), StatusReply.success(state.mode()));
      }
      return Effect().persist(new ModeReasonAdded(current, cmd.reason(), clock.millis()))
          .thenRun(s -> TradeLog.modeReasonAdded(current, cmd.reason()))
          .thenReply(cmd.replyTo(), s -> StatusReply.success(s.mode()));
    }
    if (!current.canChangeTo(cmd.target())) {
      return Effect().reply(cmd.replyTo(),
          StatusReply.error("cannot change mode from " + current + " to " + cmd.target()));
    }
    return Effect()
        .persist(new ModeChanged(current, cmd.target(), cmd.reason(), clock.millis()))
        .thenRun(s -> {
          TradeLog.modeChanged(current, cmd.target(), cmd.reason());
          if (current == TradingMode.HALTED) {
            KillSwitch.reset(context.getSystem(), cmd.reason(), s.mode().since());
          }
          broadcast(s);
        })
        .thenReply(cmd.replyTo(), s -> StatusReply.success(s.mode()));
  }

  /**
   * An emergency stop written to the kill switch on any node: the coordinator persists it (it may have
   * been down or moving when the stop was given), unless the mode changed after it.
   */
  private ReplyEffect<Event, State> onHaltSignalled(State state, HaltSignalled cmd) {
    KillSwitch.HaltSignal signal = cmd.signal();
    if (!signal.halted() || signal.at() <= state.mode().since() || state.mode().mode() == TradingMode.HALTED) {
      return Effect().noReply();
    }
    return onChangeMode(state, new ChangeMode(TradingMode.HALTED, "emergency stop: " + signal.reason(),
        context.getSystem().ignoreRef()));
  }

  private ReplyEffect<Event, State> onRegister(State state, Register cmd) {
    if (state.participants().contains(cmd.participant())) {
      tell(cmd.participant(), state.mode());
      return Effect().noReply();
    }
    return Effect()
        .persist(new ParticipantRegistered(cmd.participant()))
        .thenRun(s -> tell(cmd.participant(), s.mode()))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onAlert(State state, ReportAlert cmd) {
    TradingMode forced = cmd.alert().forcedMode();
    AlertRaised raised = new AlertRaised(cmd.alert(), cmd.source(), cmd.detail(), clock.millis());
    TradingMode current = state.mode().mode();
    if (forced == null || forced == current || !current.canChangeTo(forced)) {
      return Effect().persist(raised).thenRun(s -> TradeLog.alerted(cmd.alert(), cmd.source(), cmd.detail()))
          .thenNoReply();
    }
    ModeChanged change = new ModeChanged(current, forced, cmd.alert() + ": " + cmd.detail(), clock.millis());
    return Effect().persist(java.util.List.of(raised, change)).thenRun(s -> {
      TradeLog.alerted(cmd.alert(), cmd.source(), cmd.detail());
      TradeLog.modeChanged(current, forced, change.reason());
      broadcast(s);
    }).thenNoReply();
  }

  /**
   * Tells every participant, connections first: on a halt a connection cancels every open order of its
   * account at once, before the strategies' own cancel requests and halt records reach it and the journal.
   */
  private void broadcast(State state) {
    context.getLog().debug("trading mode {} ({}), telling {} participants", state.mode().mode(),
        state.mode().reason(), state.participants().size());
    state.participants().stream().sorted(BROADCAST_ORDER).forEach(p -> tell(p, state.mode()));
  }

  private void tell(Participant p, ModeView mode) {
    switch (p.kind()) {
      case STRATEGY -> directory.strategy(p.id())
          .tell(new StrategyEntity.ApplyMode(mode.mode(), mode.reason(), mode.since()));
      case RISK -> directory.risk(p.id()).tell(new RiskEntity.ApplyMode(mode.mode(), mode.reason(), mode.since()));
      case CONNECTION -> directory.connection(p.id())
          .tell(new ExchangeConnectionEntity.ApplyMode(mode.mode(), mode.reason(), mode.since()));
      default -> throw new IllegalStateException("unknown participant kind " + p.kind());
    }
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(ModeChanged.class, State::with)
        .onEvent(ModeReasonAdded.class, State::with)
        .onEvent(ParticipantRegistered.class, (s, e) -> s.with(e.participant()))
        .onEvent(AlertRaised.class, (s, e) -> s)
        .build();
  }
}
