package org.tradingnode.core.entity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
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
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.risk.AccountExposure;
import org.tradingnode.core.domain.risk.DailyLossLimitRule;
import org.tradingnode.core.domain.risk.DenyReason;
import org.tradingnode.core.domain.risk.RiskDecision;
import org.tradingnode.core.domain.risk.RiskEngine;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.serialization.CborSerializable;
import org.tradingnode.core.entity.chain.ChainingEventAdapter;

/**
 * Pre-trade risk of one account. Every intent is decided here and the decision is persisted before it
 * is acted on: approved intents go to the exchange connection, denied ones back to the strategy with
 * the rule's reason. It tracks exposure from fills, and a breach of the daily loss limit puts the
 * system in safe mode. Decisions are remembered by client order id, so a re-sent intent gets the same
 * answer rather than a second order.
 */
public final class RiskEntity
    extends EventSourcedBehaviorWithEnforcedReplies<RiskEntity.Command, RiskEntity.Event, RiskEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Risk");
  private static final int REMEMBERED_DECISIONS = 2_000;

  /** Messages risk takes. */
  public sealed interface Command extends CborSerializable {}

  /** From a strategy: decide this intent. */
  public record EvaluateIntent(OrderIntent intent) implements Command {}

  /** From the connection: a fill of one of the account's orders; the last fill also ends the order. */
  public record RecordFill(Fill fill, boolean completesOrder) implements Command {}

  /** From the connection: an approved order reached a final state other than filled. */
  public record ReleaseOrder(String clientOrderId) implements Command {}

  /** From the coordinator: the trading mode, decided at {@code since}. */
  public record ApplyMode(TradingMode mode, String reason, long since) implements Command {}

  /** From this node's replica of the kill switch: its state when the entity starts, and every change. */
  public record HaltSignalled(KillSwitch.HaltSignal signal) implements Command {}

  /** Ask for the limits. */
  public record GetLimits(ActorRef<RiskLimits> replyTo) implements Command {}

  /** Replace the limits. */
  public record SetLimits(RiskLimits limits, ActorRef<StatusReply<RiskLimits>> replyTo) implements Command {}

  /** Ask for the exposure. */
  public record GetExposure(ActorRef<AccountExposure> replyTo) implements Command {}

  /** Write what was collected while the last write was in flight. */
  enum WriteCollected implements Command { INSTANCE }

  /** Persisted facts. */
  public sealed interface Event extends CborSerializable {}

  /** The limits changed. */
  public record LimitsChanged(RiskLimits limits, long at) implements Event {}

  /** The mode risk decides under changed. */
  public record ModeApplied(TradingMode mode, String reason, long at) implements Event {}

  /** The intent may go to the venue. */
  public record OrderApproved(OrderIntent intent, long at) implements Event {}

  /** The intent was refused. */
  public record OrderDenied(OrderIntent intent, DenyReason reason, String detail, long at) implements Event {}

  /**
   * A fill changed the account's exposure; a fill that completes its order also releases it. The money
   * scale is that of the order's instrument on its venue when it was recorded (null in older events).
   */
  public record FillRecorded(Fill fill, boolean completesOrder, Integer moneyScale) implements Event {}

  /** An approved order ended unfilled or partly filled and no longer counts as open. */
  public record OrderReleased(String clientOrderId) implements Event {}

  /** The realized loss of the day reached the limit. */
  public record DailyLossLimitBreached(String detail, long at) implements Event {}

  /** A remembered decision; the reason is null for an approval. */
  public record Decision(boolean approved, DenyReason reason, String detail) implements CborSerializable {}

  /** Limits, mode and exposure. */
  public record State(RiskLimits limits, TradingMode mode, AccountExposure exposure, long lossLimitBreachedAt)
      implements CborSerializable {

    State with(AccountExposure next) {
      return new State(limits, mode, next, lossLimitBreachedAt);
    }
  }

  /** An event decided in a write and the state it leaves, so the journal's handler need not redo it. */
  private record Step(Event event, State state) {}

  private final ActorContext<Command> context;
  private final ChainingEventAdapter<Event> chain;
  private final String account;
  private final EntityDirectory directory;
  private final InstrumentCatalog catalog;
  private final RiskLimits defaultLimits;
  private final RiskEngine engine = RiskEngine.standard();
  private final Clock clock;
  /** The kill switch as this node sees it. */
  private final HaltGuard guard = new HaltGuard();
  private final GroupCommit<Command> commits;
  private final Deque<Step> decidedSteps = new ArrayDeque<>();
  /**
   * The last decisions by client order id, so a re-sent intent gets the same answer; rebuilt from the
   * events replayed after the latest snapshot (older intents are refused as stale anyway).
   */
  private final Map<String, Decision> remembered = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
      return size() > REMEMBERED_DECISIONS;
    }
  };

  public static Behavior<Command> create(String account, EntityDirectory directory, InstrumentCatalog catalog,
      RiskLimits defaultLimits, Clock clock) {
    return Behaviors.setup(ctx -> KillSwitch.watched(HaltSignalled::new,
        new RiskEntity(ctx, account, directory, catalog, defaultLimits, clock)));
  }

  private RiskEntity(ActorContext<Command> context, String account, EntityDirectory directory,
      InstrumentCatalog catalog, RiskLimits defaultLimits, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), account),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.chain = new ChainingEventAdapter<>(context.getSystem());
    this.account = account;
    this.directory = directory;
    this.catalog = catalog;
    this.defaultLimits = defaultLimits;
    this.clock = clock;
    this.commits = new GroupCommit<>(context.getSelf(), WriteCollected.INSTANCE);
  }

  @Override
  public State emptyState() {
    return new State(defaultLimits, TradingMode.RUNNING, AccountExposure.empty(), 0L);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  @Override
  public ChainingEventAdapter<Event> eventAdapter() {
    return chain;
  }

  /** The exposure changes in place, so a snapshot gets its own copy to serialize. */
  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return chain.snapshots(state -> new State(state.limits(), state.mode(), state.exposure().copy(),
        state.lossLimitBreachedAt()));
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(TYPE_KEY.name(), account));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          chain.recoveryCompleted();
          directory.coordinator().tell(new SafetyCoordinator.Register(new Participant(Participant.Kind.RISK, account)));
        })
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(EvaluateIntent.class, this::write)
        .onCommand(RecordFill.class, this::write)
        .onCommand(ReleaseOrder.class, this::write)
        .onCommand(WriteCollected.class, (s, cmd) -> write(s, commits.drain()))
        .onCommand(ApplyMode.class, this::onApplyMode)
        .onCommand(HaltSignalled.class, (s, cmd) -> guard.isNewHalt(cmd.signal())
            ? onApplyMode(s, new ApplyMode(TradingMode.HALTED, "emergency stop: " + cmd.signal().reason(),
                cmd.signal().at()))
            : Effect().noReply())
        .onCommand(GetLimits.class, (s, cmd) -> Effect().reply(cmd.replyTo(), s.limits()))
        .onCommand(SetLimits.class, (s, cmd) -> Effect().persist(new LimitsChanged(cmd.limits(), clock.millis()))
            .thenReply(cmd.replyTo(), st -> StatusReply.success(st.limits())))
        .onCommand(GetExposure.class, (s, cmd) -> Effect().reply(cmd.replyTo(), s.exposure().copy()))
        .build();
  }

  private ReplyEffect<Event, State> onApplyMode(State state, ApplyMode cmd) {
    if (state.mode() == cmd.mode() || !guard.accepts(cmd.mode(), cmd.since())) {
      return Effect().noReply();
    }
    return Effect().persist(new ModeApplied(cmd.mode(), cmd.reason(), clock.millis())).thenNoReply();
  }

  private ReplyEffect<Event, State> write(State state, Command cmd) {
    return commits.collect(cmd) ? Effect().noReply() : write(state, List.of(cmd));
  }

  /** Decides the commands in order, each against the state the earlier ones leave, and persists all at once. */
  private ReplyEffect<Event, State> write(State state, List<Command> commands) {
    List<Event> events = new ArrayList<>();
    List<Runnable> effects = new ArrayList<>();
    decidedSteps.clear();
    State running = state;
    for (Command command : commands) {
      List<Event> decided = new ArrayList<>();
      if (command instanceof EvaluateIntent c) {
        decideIntent(running, c.intent(), decided, effects);
      } else if (command instanceof RecordFill c) {
        decided.add(new FillRecorded(c.fill(), c.completesOrder(), moneyScale(running, c.fill())));
      } else if (command instanceof ReleaseOrder c && running.exposure().openOrders().containsKey(c.clientOrderId())) {
        decided.add(new OrderReleased(c.clientOrderId()));
      }
      for (Event event : decided) {
        State before = running;
        running = step(running, event, events);
        if (event instanceof FillRecorded) {
          running = checkLossLimit(before.lossLimitBreachedAt(), running, events, effects);
        }
      }
    }
    if (events.isEmpty()) {
      effects.forEach(Runnable::run);
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(s -> {
      effects.forEach(Runnable::run);
      commits.written();
    }).thenNoReply();
  }

  private void decideIntent(State state, OrderIntent intent, List<Event> events, List<Runnable> effects) {
    Decision earlier = state.exposure().openOrders().containsKey(intent.clientOrderId())
        // approved (perhaps before the latest snapshot) and still open: the same answer again
        ? new Decision(true, null, null) : remembered.get(intent.clientOrderId());
    if (earlier != null) {
      effects.add(earlier.approved() ? () -> submit(intent) : () -> directory.strategy(intent.strategyId()).tell(
          new StrategyEntity.IntentDenied(intent.clientOrderId(), earlier.reason(), earlier.detail())));
      return;
    }
    long now = clock.millis();
    RiskDecision decision = engine.evaluate(intent, state.mode(), state.exposure(), state.limits(), now);
    if (decision instanceof RiskDecision.Denied denied) {
      events.add(new OrderDenied(intent, denied.reason(), denied.detail(), now));
      effects.add(() -> {
        TradeLog.denied(intent, denied.reason(), denied.detail());
        directory.strategy(intent.strategyId()).tell(
            new StrategyEntity.IntentDenied(intent.clientOrderId(), denied.reason(), denied.detail()));
      });
    } else {
      events.add(new OrderApproved(intent, now));
      effects.add(() -> {
        TradeLog.approved(intent);
        submit(intent);
      });
    }
  }

  private void submit(OrderIntent intent) {
    directory.connection(intent.connectionId()).tell(new ExchangeConnectionEntity.SubmitOrder(intent));
  }

  /** Applies a decided event to the running state and remembers the state it leaves for the journal's handler. */
  private State step(State running, Event event, List<Event> events) {
    State after = apply(running, event);
    decidedSteps.add(new Step(event, after));
    events.add(event);
    return after;
  }

  /** After a fill: the first time in a UTC day the realized loss reaches the limit, it is recorded and alerted. */
  private State checkLossLimit(long breachedBefore, State afterFill, List<Event> events, List<Runnable> effects) {
    long now = clock.millis();
    boolean newBreach = DailyLossLimitRule.isBreached(afterFill.exposure(), afterFill.limits(), now)
        && !sameUtcDay(breachedBefore, now);
    if (!newBreach) {
      return afterFill;
    }
    String detail = "account " + account + " realized " + afterFill.exposure().dailyRealizedPnl(now).toPlainString()
        + " today, limit -" + afterFill.limits().dailyLossLimit().toPlainString();
    effects.add(() -> directory.coordinator().tell(
        new SafetyCoordinator.ReportAlert(Alert.DAILY_LOSS_LIMIT, "risk:" + account, detail)));
    return step(afterFill, new DailyLossLimitBreached(detail, now), events);
  }

  /** The money scale of the fill's instrument on the venue its order went to (the order's intent names it). */
  private Integer moneyScale(State state, Fill fill) {
    OrderIntent intent = state.exposure().openOrders().get(fill.clientOrderId());
    return intent == null ? null
        : catalog.find(intent.exchange(), fill.symbol()).map(i -> i.tickSize().scale()).orElse(null);
  }

  /** For fills recorded before their event carried the scale: the first instrument of that symbol. */
  private int legacyMoneyScale(String symbol) {
    return catalog.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
        .map(i -> i.tickSize().scale()).orElse(8);
  }

  private static boolean sameUtcDay(long a, long b) {
    return a > 0 && Math.floorDiv(a, 86_400_000L) == Math.floorDiv(b, 86_400_000L);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((State s, Event e) -> {
      Step decided = decidedSteps.peek();
      if (decided != null && decided.event() == e) {
        decidedSteps.poll();
        return decided.state();
      }
      return apply(s, e);
    });
  }

  /** The state after one event; the same rule for the journal and for deciding a batch. */
  private State apply(State s, Event event) {
    if (event instanceof LimitsChanged e) {
      return new State(e.limits(), s.mode(), s.exposure(), s.lossLimitBreachedAt());
    }
    if (event instanceof ModeApplied e) {
      return new State(s.limits(), e.mode(), s.exposure(), s.lossLimitBreachedAt());
    }
    if (event instanceof OrderApproved e) {
      remembered.put(e.intent().clientOrderId(), new Decision(true, null, null));
      return s.with(s.exposure().recordApproved(e.intent(), e.at()));
    }
    if (event instanceof OrderDenied e) {
      remembered.put(e.intent().clientOrderId(), new Decision(false, e.reason(), e.detail()));
      return s;
    }
    if (event instanceof FillRecorded e) {
      int scale = e.moneyScale() != null ? e.moneyScale() : legacyMoneyScale(e.fill().symbol());
      AccountExposure exposure = s.exposure().recordFill(e.fill(), scale);
      return s.with(e.completesOrder() ? exposure.recordOrderClosed(e.fill().clientOrderId()) : exposure);
    }
    if (event instanceof OrderReleased e) {
      return s.with(s.exposure().recordOrderClosed(e.clientOrderId()));
    }
    if (event instanceof DailyLossLimitBreached e) {
      return new State(s.limits(), s.mode(), s.exposure(), e.at());
    }
    return s;
  }
}
