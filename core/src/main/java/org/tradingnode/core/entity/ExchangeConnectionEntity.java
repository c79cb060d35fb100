package org.tradingnode.core.entity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderLedger;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.entity.chain.ChainingEventAdapter;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.gateway.VenueGateway;
import org.tradingnode.core.gateway.VenueSession;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * The connection of one account to one venue ({@code exchange:account}). It persists every order
 * before sending it, answers a repeated client order id from the journal instead of sending it again,
 * and records what the venue reports. After every (re)start it first reconciles with the venue
 * (orders we sent that the venue does not hold are closed) and only then lets new orders out. On a
 * halt it cancels every open order at the venue.
 */
public final class ExchangeConnectionEntity
    extends EventSourcedBehaviorWithEnforcedReplies<ExchangeConnectionEntity.Command,
        ExchangeConnectionEntity.Event, ExchangeConnectionEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "ExchangeConnection");

  /** How many closed orders a connection keeps in memory (default {@link OrderLedger#DEFAULT_WINDOW}). */
  public static final String WINDOW_SETTING = "trading.connections.closed-order-window";

  /** Messages the connection takes. */
  public sealed interface Command extends CborSerializable {}

  /** From risk: place this approved order. */
  public record SubmitOrder(OrderIntent intent) implements Command {}

  /** Cancel every open order of a strategy. */
  public record CancelStrategyOrders(String strategyId, String reason) implements Command {}

  /**
   * Tell the strategy again what happened to these orders (after its restart, or when it has waited
   * long for an answer); an order this connection has no record of is answered as unknown.
   */
  public record ReplayOrders(String strategyId, List<String> clientOrderIds) implements Command {}

  /** From the venue child ({@link VenueEvent.Reported}). */
  public record VenueReported(VenueReport report) implements Command {}

  /**
   * From the venue child when it (re)connects ({@link VenueEvent.Connected}): the orders it holds open,
   * and what happened to our orders while we were not listening, found by reconciliation.
   */
  public record VenueConnected(List<String> openClientOrderIds, List<VenueReport> missed) implements Command {
    public VenueConnected {
      openClientOrderIds = List.copyOf(openClientOrderIds);
      missed = missed == null ? List.of() : List.copyOf(missed);
    }
  }

  /** From the coordinator: the trading mode, decided at {@code since}. */
  public record ApplyMode(TradingMode mode, String reason, long since) implements Command {}

  /** From this node's replica of the kill switch: its state when the entity starts, and every change. */
  public record HaltSignalled(KillSwitch.HaltSignal signal) implements Command {}

  /** Ask for the open orders and the recently closed ones, newest last. */
  public record GetOrders(ActorRef<OrdersView> replyTo) implements Command {}

  /** Ask for the balances. */
  public record GetBalances(ActorRef<BalancesView> replyTo) implements Command {}

  /** First start: open the paper account with its starting balances. */
  enum OpenAccount implements Command { INSTANCE }

  /** The venue child stopped. */
  record VenueStopped() implements Command {}

  /** Write what was collected while the last write was in flight. */
  enum WriteCollected implements Command { INSTANCE }

  /**
   * The journal's answer about an order older than the window: what it found (null when nothing), or why
   * it could not be read; {@code intent} is set when the order is to be sent.
   */
  record ArchiveAnswered(String strategyId, String clientOrderId, OrderIntent intent, long floorWhenAsked,
      OrderArchive.ArchivedOrder found, String failure) implements Command {}

  /** An intent the journal has no record of, so it may be sent (unless the window moved meanwhile). */
  record SubmitUnarchived(OrderIntent intent, long floorWhenAsked) implements Command {}

  /**
   * The connection's open orders and recently closed ones, and whether it has reconciled with the venue
   * since it last connected (until then new orders wait).
   */
  public record OrdersView(List<Order> orders, boolean reconciled) implements CborSerializable {}

  /** The connection's balances by asset. */
  public record BalancesView(Map<String, BigDecimal> balances) implements CborSerializable {}

  /** Persisted facts. */
  public sealed interface Event extends CborSerializable {}

  /** A fact about one order. */
  public sealed interface OrderEvent extends Event {
    String clientOrderId();
  }

  /** The account was opened with these balances. */
  public record AccountOpened(Map<String, BigDecimal> balances, long at) implements Event {}

  /** The mode the connection works under changed. */
  public record ModeApplied(TradingMode mode, String reason, long at) implements Event {}

  /** The order is about to be sent to the venue. */
  public record OrderSubmitted(OrderIntent intent, long at) implements OrderEvent {
    @Override
    public String clientOrderId() {
      return intent.clientOrderId();
    }
  }

  /**
   * The venue took the order, with what traded in the same answer and the assets those fills move
   * (none for an order that rests; the assets are null then, and in events written before fills were
   * recorded with the acceptance).
   */
  public record OrderAccepted(String clientOrderId, String venueOrderId, long at, List<Fill> fills,
      String baseAsset, String quoteAsset) implements OrderEvent {
    @JsonCreator
    public OrderAccepted {
      fills = fills == null ? List.of() : List.copyOf(fills);
    }

    /** An acceptance without fills. */
    public OrderAccepted(String clientOrderId, String venueOrderId, long at) {
      this(clientOrderId, venueOrderId, at, List.of(), null, null);
    }
  }

  /** The venue (or the connection, when halted) refused it. */
  public record OrderRejected(String clientOrderId, VenueRejectReason reason, String detail, long at)
      implements OrderEvent {}

  /**
   * Part or all of the order traded, with the assets whose balances it moves (so that replay does not
   * depend on the instrument still being configured; null in events written before they were recorded).
   */
  public record OrderFilled(Fill fill, String baseAsset, String quoteAsset) implements OrderEvent {
    @Override
    public String clientOrderId() {
      return fill.clientOrderId();
    }
  }

  /** A cancel was sent to the venue. */
  public record CancelRequested(String clientOrderId, String reason, long at) implements OrderEvent {}

  /** The venue cancelled the rest. */
  public record OrderCanceled(String clientOrderId, long at) implements OrderEvent {}

  /** The rest ended without a request. */
  public record OrderExpired(String clientOrderId, long at, String reason) implements OrderEvent {}

  /**
   * Balances, mode, and the orders in the ledger: the open ones and a window of recently closed ones,
   * with their fills. Older orders are in the journal ({@link OrderArchive}).
   */
  public record State(boolean opened, TradingMode mode, Map<String, BigDecimal> balances, OrderLedger ledger)
      implements CborSerializable {

    /**
     * The balances and the ledger are the entity's own and change in place as events are applied (copying
     * them on every event would make each write cost as much as the whole window); {@link #copy()} gives
     * the independent copy a snapshot or a reader needs.
     */
    public State {
      balances = new HashMap<>(balances);
      ledger = ledger == null ? OrderLedger.empty() : ledger;
    }

    /**
     * Reads a stored state; one stored before the ledger (every order and fill the connection ever had)
     * is brought into a ledger, which keeps the open orders and the most recently closed ones.
     */
    @JsonCreator
    static State stored(@JsonProperty("opened") boolean opened, @JsonProperty("mode") TradingMode mode,
        @JsonProperty("balances") Map<String, BigDecimal> balances, @JsonProperty("ledger") OrderLedger ledger,
        @JsonProperty("orders") Map<String, Order> orders, @JsonProperty("fills") Map<String, List<Fill>> fills) {
      if (ledger == null && orders != null) {
        ledger = OrderLedger.ofEveryOrder(orders.values(), fills == null ? Map.of() : fills,
            OrderLedger.DEFAULT_WINDOW);
      }
      return new State(opened, mode, balances == null ? Map.of() : balances, ledger);
    }

    static State empty() {
      return new State(false, TradingMode.RUNNING, Map.of(), OrderLedger.empty());
    }

    State copy() {
      return new State(opened, mode, balances, ledger.copy());
    }

    List<Order> openOrders() {
      return ledger.openOrders();
    }
  }

  private final ActorContext<Command> context;
  private final ChainingEventAdapter<Event> chain;
  private final String connectionId;
  private final String exchange;
  private final EntityDirectory directory;
  private final List<Instrument> instruments;
  private final Map<String, BigDecimal> startingBalances;
  private final VenueGateway gateway;
  private final Clock clock;
  private final GroupCommit<Command> commits;
  private final ConnectionReplies replies;
  private final ConnectionDecisions decisions;
  private final ConnectionAccounting accounting;
  private ActorRef<VenueCommand> venue;
  private boolean reconciled;
  /** The kill switch as this node sees it. */
  private final HaltGuard guard = new HaltGuard();
  /** Where the venue child reports: its events become this entity's commands. */
  private final ActorRef<VenueEvent> venueEvents;
  private final ConnectionCancels cancels = new ConnectionCancels();
  /** When this incarnation started ({@link System#nanoTime()}), for the recovery's duration in the log. */
  private final long createdNanos = System.nanoTime();

  /**
   * A connection whose venue child the gateway makes. It keeps the closed orders of the last
   * {@code trading.connections.closed-order-window} in memory and asks the archive about older ones.
   */
  public static Behavior<Command> create(String connectionId, EntityDirectory directory, InstrumentCatalog catalog,
      Map<String, BigDecimal> startingBalances, VenueGateway gateway, OrderArchive archive, Clock clock) {
    return Behaviors.setup(ctx -> KillSwitch.watched(HaltSignalled::new, new ExchangeConnectionEntity(ctx,
        connectionId, directory, catalog, startingBalances, gateway, archive, clock)));
  }

  private ExchangeConnectionEntity(ActorContext<Command> context, String connectionId, EntityDirectory directory,
      InstrumentCatalog catalog, Map<String, BigDecimal> startingBalances, VenueGateway gateway,
      OrderArchive archive, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), connectionId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.chain = new ChainingEventAdapter<>(context.getSystem());
    this.connectionId = connectionId;
    this.exchange = connectionId.substring(0, connectionId.indexOf(':'));
    this.directory = directory;
    this.instruments = catalog.onExchange(exchange);
    this.startingBalances = Map.copyOf(startingBalances);
    this.gateway = gateway;
    this.clock = clock;
    this.commits = new GroupCommit<>(context.getSelf(), WriteCollected.INSTANCE);
    this.replies = new ConnectionReplies(context, connectionId, directory, archive);
    this.decisions = new ConnectionDecisions(context, connectionId, directory, instruments, clock, cancels, replies,
        () -> venue, () -> reconciled);
    this.venueEvents = context.messageAdapter(VenueEvent.class, ExchangeConnectionEntity::fromVenue);
    var config = context.getSystem().settings().config();
    this.accounting = new ConnectionAccounting(connectionId, context.getLog(),
        config.hasPath(WINDOW_SETTING) ? config.getInt(WINDOW_SETTING) : OrderLedger.DEFAULT_WINDOW,
        decisions::instrument);
  }

  @Override
  public State emptyState() {
    return State.empty();
  }

  /**
   * A snapshot holds the open orders and the window of closed ones; taken every 1,000 events, so that
   * recovery replays at most that many.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(1_000, 2);
  }

  @Override
  public ChainingEventAdapter<Event> eventAdapter() {
    return chain;
  }

  /** The state changes in place, so a snapshot gets its own copy to serialize. */
  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return chain.snapshots(State::copy);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(TYPE_KEY.name(), connectionId));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(PostStop.instance(), state -> NodeNotice.publish(context.getSystem(),
            new NodeNotice.ConnectionDown(connectionId)))
        .onSignal(RecoveryCompleted.instance(), state -> {
          chain.recoveryCompleted();
          NodeNotice.publish(context.getSystem(), new NodeNotice.ConnectionUp(connectionId));
          context.getLog().info("{}: recovered in {} ms, {} open orders", connectionId,
              (System.nanoTime() - createdNanos) / 1_000_000, state.openOrders().size());
          directory.coordinator().tell(new SafetyCoordinator.Register(
              new Participant(Participant.Kind.CONNECTION, connectionId)));
          if (state.opened()) {
            connectVenue(state);
          } else {
            context.getSelf().tell(OpenAccount.INSTANCE);
          }
        })
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(OpenAccount.class, (s, cmd) -> s.opened() ? Effect().noReply()
            : Effect().persist(new AccountOpened(startingBalances, clock.millis()))
                .thenRun(this::connectVenue).thenNoReply())
        .onCommand(SubmitOrder.class, this::afterReconciliation)
        .onCommand(CancelStrategyOrders.class, this::afterReconciliation)
        .onCommand(VenueReported.class, (s, cmd) -> {
          decisions.noticeAcknowledgement(s.ledger(), cmd.report());
          return write(s, cmd);
        })
        .onCommand(ApplyMode.class, (s, cmd) -> guard.accepts(cmd.mode(), cmd.since()) ? write(s, cmd)
            : Effect().noReply())
        .onCommand(HaltSignalled.class, (s, cmd) -> guard.isNewHalt(cmd.signal())
            ? write(s, new ApplyMode(TradingMode.HALTED, "emergency stop: " + cmd.signal().reason(),
                cmd.signal().at()))
            : Effect().noReply())
        .onCommand(WriteCollected.class, (s, cmd) -> write(s, commits.drain()))
        .onCommand(SubmitUnarchived.class, this::afterReconciliation)
        .onCommand(ArchiveAnswered.class, this::onArchiveAnswered)
        .onCommand(ReplayOrders.class, (s, cmd) -> {
          replies.replay(cmd.strategyId(), cmd.clientOrderIds(), s.ledger());
          return Effect().noReply();
        })
        .onCommand(VenueConnected.class, this::onVenueConnected)
        .onCommand(VenueStopped.class, (s, cmd) -> {
          context.getLog().warn("{}: venue connection stopped, reconnecting", connectionId);
          connectVenue(s);
          return Effect().noReply();
        })
        .onCommand(GetOrders.class, (s, cmd) ->
            Effect().reply(cmd.replyTo(), new OrdersView(s.ledger().held(), reconciled)))
        .onCommand(GetBalances.class, (s, cmd) ->
            Effect().reply(cmd.replyTo(), new BalancesView(Map.copyOf(s.balances()))))
        .build();
  }

  private static Command fromVenue(VenueEvent event) {
    if (event instanceof VenueEvent.Reported r) {
      return new VenueReported(r.report());
    }
    VenueEvent.Connected c = (VenueEvent.Connected) event;
    return new VenueConnected(c.openClientOrderIds(), c.missed());
  }

  private void connectVenue(State state) {
    reconciled = false;
    cancels.reconnected();
    venue = context.spawnAnonymous(gateway.connect(new VenueSession(connectionId, instruments, state.balances(),
        state.openOrders(), venueEvents, clock)));
    context.watchWith(venue, new VenueStopped());
  }

  /** What the venue's reconciliation found is recorded before anything new goes out. */
  private ReplyEffect<Event, State> onVenueConnected(State state, VenueConnected cmd) {
    ConnectionBatch batch = new ConnectionBatch(state);
    decisions.reconcile(batch, cmd);
    reconciled = true;
    if (batch.events().isEmpty()) {
      return Effect().none().thenNoReply().thenUnstashAll();
    }
    return Effect().persist(batch.events())
        .thenRun(s -> batch.effects().forEach(effect -> effect.accept(s)))
        .thenNoReply().thenUnstashAll();
  }

  private ReplyEffect<Event, State> afterReconciliation(State state, Command cmd) {
    return reconciled ? write(state, cmd) : Effect().stash();
  }

  private ReplyEffect<Event, State> write(State state, Command cmd) {
    return commits.collect(cmd) ? Effect().noReply() : write(state, List.of(cmd));
  }

  /** Decides the commands in order against the state as the earlier ones leave it, and persists all at once. */
  private ReplyEffect<Event, State> write(State state, List<Command> commands) {
    ConnectionBatch batch = new ConnectionBatch(state);
    commands.forEach(command -> decisions.decide(batch, command));
    if (batch.events().isEmpty()) {
      batch.effects().forEach(effect -> effect.accept(state));
      reportInFlight(state);
      return Effect().noReply();
    }
    return Effect().persist(batch.events()).thenRun(s -> {
      batch.effects().forEach(effect -> effect.accept(s));
      commits.written();
      reportInFlight(s);
    }).thenNoReply();
  }

  /** While halted, tells this node's {@link HaltWitness} what is still open after the write. */
  private void reportInFlight(State state) {
    cancels.inFlight(connectionId, state::openOrders)
        .ifPresent(notice -> NodeNotice.publish(context.getSystem(), notice));
  }

  /**
   * The journal's answer about an order older than the window; an intent it never had is sent now, the
   * rest is answered to the strategy ({@link ConnectionReplies#answered}).
   */
  private ReplyEffect<Event, State> onArchiveAnswered(State state, ArchiveAnswered cmd) {
    return replies.answered(cmd).map(unarchived -> afterReconciliation(state, unarchived))
        .orElseGet(() -> Effect().noReply());
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(AccountOpened.class, (s, e) -> new State(true, s.mode(), e.balances(), s.ledger()))
        .onEvent(ModeApplied.class, (s, e) -> new State(s.opened(), e.mode(), s.balances(), s.ledger()))
        .onEvent(CancelRequested.class, (s, e) -> s)
        .onEvent(OrderSubmitted.class, accounting::submitted)
        .onEvent(OrderEvent.class, accounting::changed)
        .build();
  }
}
