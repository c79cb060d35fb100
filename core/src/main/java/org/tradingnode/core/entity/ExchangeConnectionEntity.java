package org.tradingnode.core.entity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
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
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.paper.FeeSchedule;
import org.tradingnode.core.domain.paper.SpotBalances;
import org.tradingnode.core.serialization.CborSerializable;
import org.tradingnode.core.venue.PaperVenue;

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

  /** Messages the connection takes. */
  public sealed interface Command extends CborSerializable {}

  /** From risk: place this approved order. */
  public record SubmitOrder(OrderIntent intent) implements Command {}

  /** Cancel every open order of a strategy. */
  public record CancelStrategyOrders(String strategyId, String reason) implements Command {}

  /** Tell the strategy again what happened to these orders (after its restart). */
  public record ReplayOrders(String strategyId, List<String> clientOrderIds) implements Command {}

  /** From the venue child. */
  public record VenueReported(VenueReport report) implements Command {}

  /** From the venue child when it (re)connects: the orders it holds open. */
  public record VenueConnected(List<String> openClientOrderIds) implements Command {}

  /** From the coordinator: the trading mode. */
  public record ApplyMode(TradingMode mode, String reason) implements Command {}

  /** Ask for the orders, newest last. */
  public record GetOrders(ActorRef<OrdersView> replyTo) implements Command {}

  /** Ask for the balances. */
  public record GetBalances(ActorRef<BalancesView> replyTo) implements Command {}

  /** First start: open the paper account with its starting balances. */
  enum OpenAccount implements Command { INSTANCE }

  /** The venue child stopped. */
  record VenueStopped() implements Command {}

  /** The connection's orders. */
  public record OrdersView(List<Order> orders) implements CborSerializable {}

  /** The connection's balances by asset. */
  public record BalancesView(Map<String, BigDecimal> balances) implements CborSerializable {}

  /** Persisted facts. */
  public sealed interface Event extends CborSerializable {}

  /** The account was opened with these balances. */
  public record AccountOpened(Map<String, BigDecimal> balances, long at) implements Event {}

  /** The mode the connection works under changed. */
  public record ModeApplied(TradingMode mode, String reason, long at) implements Event {}

  /** The order is about to be sent to the venue. */
  public record OrderSubmitted(OrderIntent intent, long at) implements Event {}

  /** The venue took the order. */
  public record OrderAccepted(String clientOrderId, String venueOrderId, long at) implements Event {}

  /** The venue (or the connection, when halted) refused it. */
  public record OrderRejected(String clientOrderId, VenueRejectReason reason, String detail, long at)
      implements Event {}

  /** Part or all of the order traded. */
  public record OrderFilled(Fill fill) implements Event {}

  /** A cancel was sent to the venue. */
  public record CancelRequested(String clientOrderId, String reason, long at) implements Event {}

  /** The venue cancelled the rest. */
  public record OrderCanceled(String clientOrderId, long at) implements Event {}

  /** The rest ended without a request. */
  public record OrderExpired(String clientOrderId, long at) implements Event {}

  /** Balances, mode and every order this connection sent, with its fills. */
  public record State(boolean opened, TradingMode mode, Map<String, BigDecimal> balances, Map<String, Order> orders,
      Map<String, List<Fill>> fills) implements CborSerializable {

    public State {
      balances = Map.copyOf(balances);
      orders = Map.copyOf(orders);
      fills = Map.copyOf(fills);
    }

    List<Order> openOrders() {
      return orders.values().stream().filter(Order::isOpen).toList();
    }

    State withOrder(Order order) {
      Map<String, Order> next = new HashMap<>(orders);
      next.put(order.clientOrderId(), order);
      return new State(opened, mode, balances, next, fills);
    }

    boolean isNewFill(Fill fill) {
      Order order = orders.get(fill.clientOrderId());
      return order != null && order.isOpen()
          && fills.getOrDefault(fill.clientOrderId(), List.of()).stream()
              .noneMatch(f -> f.fillId().equals(fill.fillId()));
    }
  }

  private final ActorContext<Command> context;
  private final String connectionId;
  private final String exchange;
  private final EntityDirectory directory;
  private final List<Instrument> instruments;
  private final FeeSchedule fees;
  private final Map<String, BigDecimal> startingBalances;
  private final Clock clock;
  private ActorRef<PaperVenue.Command> venue;
  private boolean reconciled;

  public static Behavior<Command> create(String connectionId, EntityDirectory directory, InstrumentCatalog catalog,
      FeeSchedule fees, Map<String, BigDecimal> startingBalances, Clock clock) {
    return Behaviors.setup(ctx ->
        new ExchangeConnectionEntity(ctx, connectionId, directory, catalog, fees, startingBalances, clock));
  }

  private ExchangeConnectionEntity(ActorContext<Command> context, String connectionId, EntityDirectory directory,
      InstrumentCatalog catalog, FeeSchedule fees, Map<String, BigDecimal> startingBalances, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), connectionId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.connectionId = connectionId;
    this.exchange = connectionId.substring(0, connectionId.indexOf(':'));
    this.directory = directory;
    this.instruments = catalog.onExchange(exchange);
    this.fees = fees;
    this.startingBalances = Map.copyOf(startingBalances);
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return new State(false, TradingMode.RUNNING, Map.of(), Map.of(), Map.of());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(TYPE_KEY.name(), connectionId));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
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
        .onCommand(SubmitOrder.class, this::onSubmit)
        .onCommand(CancelStrategyOrders.class, this::onCancelStrategyOrders)
        .onCommand(ReplayOrders.class, this::onReplay)
        .onCommand(VenueReported.class, this::onVenueReport)
        .onCommand(VenueConnected.class, this::onVenueConnected)
        .onCommand(VenueStopped.class, (s, cmd) -> {
          context.getLog().warn("{}: venue connection stopped, reconnecting", connectionId);
          connectVenue(s);
          return Effect().noReply();
        })
        .onCommand(ApplyMode.class, this::onApplyMode)
        .onCommand(GetOrders.class, (s, cmd) -> Effect().reply(cmd.replyTo(), new OrdersView(sorted(s))))
        .onCommand(GetBalances.class, (s, cmd) -> Effect().reply(cmd.replyTo(), new BalancesView(s.balances())))
        .build();
  }

  private void connectVenue(State state) {
    reconciled = false;
    List<Order> heldByVenue = state.openOrders().stream().filter(o -> o.status() != OrderStatus.NEW).toList();
    venue = context.spawnAnonymous(PaperVenue.create(instruments, fees, state.balances(), heldByVenue, directory,
        context.getSelf(), clock));
    context.watchWith(venue, new VenueStopped());
  }

  /** Orders we sent that the venue does not hold are closed before anything new goes out. */
  private ReplyEffect<Event, State> onVenueConnected(State state, VenueConnected cmd) {
    Set<String> atVenue = new HashSet<>(cmd.openClientOrderIds());
    List<Event> events = new ArrayList<>();
    long now = clock.millis();
    for (Order order : state.openOrders()) {
      if (!atVenue.contains(order.clientOrderId())) {
        events.add(new OrderRejected(order.clientOrderId(), VenueRejectReason.NOT_AT_VENUE,
            "sent before a restart and not held by the venue", now));
      }
    }
    reconciled = true;
    context.getLog().info("{}: reconciled with venue, {} open orders there, {} closed as not at venue",
        connectionId, atVenue.size(), events.size());
    if (events.isEmpty()) {
      return Effect().none().thenNoReply().thenUnstashAll();
    }
    return Effect().persist(events).thenRun(s -> events.forEach(e -> notify(s, report(e)))).thenNoReply()
        .thenUnstashAll();
  }

  private ReplyEffect<Event, State> onSubmit(State state, SubmitOrder cmd) {
    if (!reconciled) {
      return Effect().stash();
    }
    OrderIntent intent = cmd.intent();
    Order known = state.orders().get(intent.clientOrderId());
    if (known != null) {
      replay(known, state);
      return Effect().noReply();
    }
    long now = clock.millis();
    if (state.mode() == TradingMode.HALTED) {
      OrderRejected rejected = new OrderRejected(intent.clientOrderId(), VenueRejectReason.TRADING_HALTED,
          "trading was halted after risk approved the order", now);
      return Effect().persist(List.of(new OrderSubmitted(intent, now), rejected))
          .thenRun(s -> notify(s, report(rejected))).thenNoReply();
    }
    return Effect().persist(new OrderSubmitted(intent, now))
        .thenRun(s -> venue.tell(new PaperVenue.Place(intent)))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onCancelStrategyOrders(State state, CancelStrategyOrders cmd) {
    if (!reconciled) {
      return Effect().stash();
    }
    return cancel(state.openOrders().stream().filter(o -> o.intent().strategyId().equals(cmd.strategyId())).toList(),
        cmd.reason());
  }

  private ReplyEffect<Event, State> cancel(List<Order> orders, String reason) {
    if (orders.isEmpty()) {
      return Effect().noReply();
    }
    long now = clock.millis();
    List<Event> events = orders.stream()
        .map(o -> (Event) new CancelRequested(o.clientOrderId(), reason, now)).toList();
    return Effect().persist(events)
        .thenRun(s -> orders.forEach(o -> venue.tell(new PaperVenue.Cancel(o.clientOrderId()))))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onApplyMode(State state, ApplyMode cmd) {
    boolean cancelAll = cmd.mode() == TradingMode.HALTED && reconciled;
    if (state.mode() == cmd.mode()) {
      return cancelAll ? cancel(state.openOrders(), "trading halted") : Effect().noReply();
    }
    long now = clock.millis();
    List<Event> events = new ArrayList<>();
    events.add(new ModeApplied(cmd.mode(), cmd.reason(), now));
    List<Order> toCancel = cancelAll ? state.openOrders() : List.of();
    toCancel.forEach(o -> events.add(new CancelRequested(o.clientOrderId(), "trading halted", now)));
    return Effect().persist(events)
        .thenRun(s -> toCancel.forEach(o -> venue.tell(new PaperVenue.Cancel(o.clientOrderId()))))
        .thenNoReply();
  }

  private ReplyEffect<Event, State> onReplay(State state, ReplayOrders cmd) {
    for (String cid : cmd.clientOrderIds()) {
      Order order = state.orders().get(cid);
      if (order != null && order.intent().strategyId().equals(cmd.strategyId())) {
        replay(order, state);
      }
    }
    return Effect().noReply();
  }

  /** Tells the strategy everything the journal knows about the order, in order; it dedupes. */
  private void replay(Order order, State state) {
    var strategy = directory.strategy(order.intent().strategyId());
    if (order.venueOrderId() != null) {
      strategy.tell(new StrategyEntity.OrderUpdated(
          new VenueReport.Accepted(order.clientOrderId(), order.venueOrderId(), order.updatedAt())));
    }
    for (Fill fill : state.fills().getOrDefault(order.clientOrderId(), List.of())) {
      strategy.tell(new StrategyEntity.OrderUpdated(new VenueReport.Filled(fill)));
    }
    VenueReport closing = switch (order.status()) {
      case CANCELED -> new VenueReport.Canceled(order.clientOrderId(), order.updatedAt());
      case EXPIRED -> new VenueReport.Expired(order.clientOrderId(), order.updatedAt());
      case REJECTED -> new VenueReport.Rejected(order.clientOrderId(), rejectReasonOf(order),
          String.valueOf(order.reason()), order.updatedAt());
      default -> null;
    };
    if (closing != null) {
      strategy.tell(new StrategyEntity.OrderUpdated(closing));
    }
  }

  private ReplyEffect<Event, State> onVenueReport(State state, VenueReported cmd) {
    Event event = eventFor(state, cmd.report());
    if (event == null) {
      return Effect().noReply();
    }
    return Effect().persist(event).thenRun(s -> notify(s, cmd.report())).thenNoReply();
  }

  private static Event eventFor(State state, VenueReport report) {
    Order order = state.orders().get(report.clientOrderId());
    if (order == null) {
      return null;
    }
    if (report instanceof VenueReport.Accepted a) {
      return order.status() == OrderStatus.NEW ? new OrderAccepted(a.clientOrderId(), a.venueOrderId(), a.timestamp())
          : null;
    }
    if (report instanceof VenueReport.Filled f) {
      return state.isNewFill(f.fill()) ? new OrderFilled(f.fill()) : null;
    }
    if (!order.isOpen()) {
      return null;
    }
    if (report instanceof VenueReport.Rejected r) {
      return new OrderRejected(r.clientOrderId(), r.reason(), r.detail(), r.timestamp());
    }
    if (report instanceof VenueReport.Canceled c) {
      return new OrderCanceled(c.clientOrderId(), c.timestamp());
    }
    if (report instanceof VenueReport.Expired x) {
      return new OrderExpired(x.clientOrderId(), x.timestamp());
    }
    return null;
  }

  /** Passes a persisted venue report on to the strategy, and to risk what changes exposure. */
  private void notify(State state, VenueReport report) {
    Order order = state.orders().get(report.clientOrderId());
    if (order == null) {
      return;
    }
    OrderIntent intent = order.intent();
    directory.strategy(intent.strategyId()).tell(new StrategyEntity.OrderUpdated(report));
    var risk = directory.risk(intent.account());
    if (report instanceof VenueReport.Filled f) {
      risk.tell(new RiskEntity.RecordFill(f.fill()));
    }
    if (!order.isOpen()) {
      risk.tell(new RiskEntity.ReleaseOrder(order.clientOrderId()));
    }
  }

  private static VenueRejectReason rejectReasonOf(Order order) {
    String reason = String.valueOf(order.reason());
    for (VenueRejectReason r : VenueRejectReason.values()) {
      if (reason.startsWith(r.name())) {
        return r;
      }
    }
    return VenueRejectReason.NOT_AT_VENUE;
  }

  private static VenueReport report(Event event) {
    OrderRejected r = (OrderRejected) event;
    return new VenueReport.Rejected(r.clientOrderId(), r.reason(), r.detail(), r.at());
  }

  private static List<Order> sorted(State state) {
    List<Order> orders = new ArrayList<>(state.orders().values());
    orders.sort(Order.BY_CREATION);
    return orders;
  }

  private Instrument instrument(String symbol) {
    return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst()
        .orElseThrow(() -> new IllegalStateException(symbol + " is not listed on " + exchange));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(AccountOpened.class, (s, e) -> new State(true, s.mode(), e.balances(), s.orders(), s.fills()))
        .onEvent(ModeApplied.class, (s, e) -> new State(s.opened(), e.mode(), s.balances(), s.orders(), s.fills()))
        .onEvent(OrderSubmitted.class, (s, e) -> s.withOrder(Order.of(e.intent())))
        .onEvent(OrderAccepted.class, (s, e) ->
            s.withOrder(s.orders().get(e.clientOrderId()).accept(e.venueOrderId(), e.at())))
        .onEvent(OrderRejected.class, (s, e) ->
            s.withOrder(s.orders().get(e.clientOrderId()).close(OrderStatus.REJECTED, e.reason() + ": " + e.detail(),
                e.at())))
        .onEvent(OrderFilled.class, this::applyFill)
        .onEvent(CancelRequested.class, (s, e) -> s)
        .onEvent(OrderCanceled.class, (s, e) ->
            s.withOrder(s.orders().get(e.clientOrderId()).close(OrderStatus.CANCELED, "canceled", e.at())))
        .onEvent(OrderExpired.class, (s, e) ->
            s.withOrder(s.orders().get(e.clientOrderId()).close(OrderStatus.EXPIRED, "expired", e.at())))
        .build();
  }

  private State applyFill(State state, OrderFilled event) {
    Fill fill = event.fill();
    Order filled = state.orders().get(fill.clientOrderId()).fill(fill);
    Map<String, List<Fill>> fills = new HashMap<>(state.fills());
    List<Fill> ofOrder = new ArrayList<>(fills.getOrDefault(fill.clientOrderId(), List.of()));
    ofOrder.add(fill);
    fills.put(fill.clientOrderId(), List.copyOf(ofOrder));
    return new State(state.opened(), state.mode(),
        SpotBalances.afterFill(state.balances(), instrument(fill.symbol()), fill),
        state.withOrder(filled).orders(), fills);
  }
}
