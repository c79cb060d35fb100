package org.tradingnode.core.entity;

import java.time.Clock;
import java.time.Duration;
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

  /** From the connection: a fill of one of the account's orders. */
  public record RecordFill(Fill fill) implements Command {}

  /** From the connection: an approved order reached a final state. */
  public record ReleaseOrder(String clientOrderId) implements Command {}

  /** From the coordinator: the trading mode. */
  public record ApplyMode(TradingMode mode, String reason) implements Command {}

  /** Ask for the limits. */
  public record GetLimits(ActorRef<RiskLimits> replyTo) implements Command {}

  /** Replace the limits. */
  public record SetLimits(RiskLimits limits, ActorRef<StatusReply<RiskLimits>> replyTo) implements Command {}

  /** Ask for the exposure. */
  public record GetExposure(ActorRef<AccountExposure> replyTo) implements Command {}

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

  /** A fill changed the account's exposure. */
  public record FillRecorded(Fill fill) implements Event {}

  /** An approved order is final and no longer counts as open. */
  public record OrderReleased(String clientOrderId) implements Event {}

  /** The realized loss of the day reached the limit. */
  public record DailyLossLimitBreached(String detail, long at) implements Event {}

  /** A remembered decision; the reason is null for an approval. */
  public record Decision(boolean approved, DenyReason reason, String detail) implements CborSerializable {}

  /** Limits, mode, exposure and the last decisions by client order id. */
  public record State(RiskLimits limits, TradingMode mode, AccountExposure exposure, Map<String, Decision> decisions,
      long lossLimitBreachedAt) implements CborSerializable {

    State with(AccountExposure next) {
      return new State(limits, mode, next, decisions, lossLimitBreachedAt);
    }

    State decided(String clientOrderId, Decision decision) {
      Map<String, Decision> next = new LinkedHashMap<>(decisions);
      next.put(clientOrderId, decision);
      while (next.size() > REMEMBERED_DECISIONS) {
        next.remove(next.keySet().iterator().next());
      }
      return new State(limits, mode, exposure, next, lossLimitBreachedAt);
    }
  }

  private final ActorContext<Command> context;
  private final String account;
  private final EntityDirectory directory;
  private final InstrumentCatalog catalog;
  private final RiskLimits defaultLimits;
  private final RiskEngine engine = RiskEngine.standard();
  private final Clock clock;

  public static Behavior<Command> create(String account, EntityDirectory directory, InstrumentCatalog catalog,
      RiskLimits defaultLimits, Clock clock) {
    return Behaviors.setup(ctx -> new RiskEntity(ctx, account, directory, catalog, defaultLimits, clock));
  }

  private RiskEntity(ActorContext<Command> context, String account, EntityDirectory directory,
      InstrumentCatalog catalog, RiskLimits defaultLimits, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), account),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.account = account;
    this.directory = directory;
    this.catalog = catalog;
    this.defaultLimits = defaultLimits;
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return new State(defaultLimits, TradingMode.RUNNING, AccountExposure.empty(), Map.of(), 0L);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(TYPE_KEY.name(), account));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> directory.coordinator()
            .tell(new SafetyCoordinator.Register(new Participant(Participant.Kind.RISK, account))))
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(EvaluateIntent.class, this::onEvaluate)
        .onCommand(RecordFill.class, this::onFill)
        .onCommand(ReleaseOrder.class, (s, cmd) -> s.exposure().openOrders().containsKey(cmd.clientOrderId())
            ? Effect().persist(new OrderReleased(cmd.clientOrderId())).thenNoReply()
            : Effect().noReply())
        .onCommand(ApplyMode.class, (s, cmd) -> s.mode() == cmd.mode() ? Effect().noReply()
            : Effect().persist(new ModeApplied(cmd.mode(), cmd.reason(), clock.millis())).thenNoReply())
        .onCommand(GetLimits.class, (s, cmd) -> Effect().reply(cmd.replyTo(), s.limits()))
        .onCommand(SetLimits.class, (s, cmd) -> Effect().persist(new LimitsChanged(cmd.limits(), clock.millis()))
            .thenReply(cmd.replyTo(), st -> StatusReply.success(st.limits())))
        .onCommand(GetExposure.class, (s, cmd) -> Effect().reply(cmd.replyTo(), s.exposure()))
        .build();
  }

  private ReplyEffect<Event, State> onEvaluate(State state, EvaluateIntent cmd) {
    OrderIntent intent = cmd.intent();
    Decision earlier = state.decisions().get(intent.clientOrderId());
    if (earlier != null) {
      if (earlier.approved()) {
        submit(intent);
      } else {
        directory.strategy(intent.strategyId()).tell(
            new StrategyEntity.IntentDenied(intent.clientOrderId(), earlier.reason(), earlier.detail()));
      }
      return Effect().noReply();
    }
    long now = clock.millis();
    RiskDecision decision = engine.evaluate(intent, state.mode(), state.exposure(), state.limits(), now);
    if (decision instanceof RiskDecision.Denied denied) {
      return Effect().persist(new OrderDenied(intent, denied.reason(), denied.detail(), now))
          .thenRun(s -> directory.strategy(intent.strategyId()).tell(
              new StrategyEntity.IntentDenied(intent.clientOrderId(), denied.reason(), denied.detail())))
          .thenNoReply();
    }
    return Effect().persist(new OrderApproved(intent, now)).thenRun(s -> submit(intent)).thenNoReply();
  }

  private void submit(OrderIntent intent) {
    directory.connection(intent.connectionId()).tell(new ExchangeConnectionEntity.SubmitOrder(intent));
  }

  private ReplyEffect<Event, State> onFill(State state, RecordFill cmd) {
    Fill fill = cmd.fill();
    State after = state.with(state.exposure().withFill(fill, moneyScale(fill.symbol())));
    long now = clock.millis();
    boolean newBreach = DailyLossLimitRule.isBreached(after.exposure(), after.limits(), now)
        && !sameUtcDay(state.lossLimitBreachedAt(), now);
    if (!newBreach) {
      return Effect().persist(new FillRecorded(fill)).thenNoReply();
    }
    String detail = "account " + account + " realized " + after.exposure().dailyRealizedPnl(now).toPlainString()
        + " today, limit -" + after.limits().dailyLossLimit().toPlainString();
    return Effect().persist(List.of(new FillRecorded(fill), new DailyLossLimitBreached(detail, now)))
        .thenRun(s -> directory.coordinator().tell(
            new SafetyCoordinator.ReportAlert(Alert.DAILY_LOSS_LIMIT, "risk:" + account, detail)))
        .thenNoReply();
  }

  private int moneyScale(String symbol) {
    return catalog.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
        .map(i -> i.tickSize().scale()).orElse(8);
  }

  private static boolean sameUtcDay(long a, long b) {
    return a > 0 && Math.floorDiv(a, 86_400_000L) == Math.floorDiv(b, 86_400_000L);
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(LimitsChanged.class, (s, e) ->
            new State(e.limits(), s.mode(), s.exposure(), s.decisions(), s.lossLimitBreachedAt()))
        .onEvent(ModeApplied.class, (s, e) ->
            new State(s.limits(), e.mode(), s.exposure(), s.decisions(), s.lossLimitBreachedAt()))
        .onEvent(OrderApproved.class, (s, e) ->
            s.with(s.exposure().withApproved(e.intent(), e.at()))
                .decided(e.intent().clientOrderId(), new Decision(true, null, null)))
        .onEvent(OrderDenied.class, (s, e) ->
            s.decided(e.intent().clientOrderId(), new Decision(false, e.reason(), e.detail())))
        .onEvent(FillRecorded.class, (s, e) ->
            s.with(s.exposure().withFill(e.fill(), moneyScale(e.fill().symbol()))))
        .onEvent(OrderReleased.class, (s, e) -> s.with(s.exposure().withOrderClosed(e.clientOrderId())))
        .onEvent(DailyLossLimitBreached.class, (s, e) ->
            new State(s.limits(), s.mode(), s.exposure(), s.decisions(), e.at()))
        .build();
  }
}
