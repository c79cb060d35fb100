package org.tradingnode.core.venue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.paper.FeeSchedule;
import org.tradingnode.core.domain.paper.PaperExchange;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.gateway.VenueCommand.Cancel;
import org.tradingnode.core.gateway.VenueCommand.Place;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.gateway.VenueGateway;
import org.tradingnode.core.gateway.VenueSession;

/**
 * The paper venue of one account, a child of its exchange connection: the simulated matching engine
 * fed by the venue's symbol entities. It starts from the balances and open orders the connection
 * has persisted, tells the connection which orders it holds (for reconciliation), and reports every
 * acceptance, fill, cancel and rejection back to it.
 */
public final class PaperVenue {
  private static final Duration RESUBSCRIBE_EVERY = Duration.ofSeconds(3);

  /** Market data of one symbol. */
  record MarketDataReceived(SymbolEntity.MarketDataBatch batch) implements VenueCommand {}

  /** Timer: subscribe again to every symbol (idempotent). */
  enum Resubscribe implements VenueCommand { INSTANCE }

  private final PaperExchange exchange;
  private final List<Instrument> instruments;
  private final EntityDirectory directory;
  private final ActorRef<VenueEvent> connection;
  private final ActorRef<SymbolEntity.MarketDataBatch> adapter;
  private final Clock clock;

  /** The paper venue for every connection: market data from the symbol entities, fees as given. */
  public static VenueGateway gateway(EntityDirectory directory, FeeSchedule fees) {
    return session -> create(session.instruments(), fees, session.balances(), session.openOrders().stream()
        .filter(o -> o.status() != OrderStatus.NEW).toList(), directory, session.connection(), session.clock());
  }

  /**
   * A paper venue holding the given open orders. Orders the connection submitted but never saw
   * acknowledged are left out by {@link #gateway}: the paper venue never took them.
   */
  public static Behavior<VenueCommand> create(List<Instrument> instruments, FeeSchedule fees,
      Map<String, BigDecimal> balances, Collection<Order> openOrders, EntityDirectory directory,
      ActorRef<VenueEvent> connection, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new PaperVenue(ctx, timers,
        PaperExchange.restore(instruments, fees, balances, openOrders), instruments, directory, connection, clock)
        .behavior()));
  }

  private PaperVenue(ActorContext<VenueCommand> context, TimerScheduler<VenueCommand> timers, PaperExchange exchange,
      List<Instrument> instruments, EntityDirectory directory, ActorRef<VenueEvent> connection,
      Clock clock) {
    this.exchange = exchange;
    this.instruments = List.copyOf(instruments);
    this.directory = directory;
    this.connection = connection;
    this.clock = clock;
    this.adapter = context.messageAdapter(SymbolEntity.MarketDataBatch.class, MarketDataReceived::new);
    subscribe();
    timers.startTimerWithFixedDelay(Resubscribe.INSTANCE, RESUBSCRIBE_EVERY);
    connection.tell(new VenueEvent.Connected(
        exchange.openOrders().stream().map(Order::clientOrderId).toList(), List.of()));
  }

  private Behavior<VenueCommand> behavior() {
    return Behaviors.receive(VenueCommand.class)
        .onMessage(Place.class, cmd -> report(exchange.place(cmd.intent(), clock.millis())))
        .onMessage(Cancel.class, cmd -> report(exchange.cancel(cmd.clientOrderId(), clock.millis())))
        .onMessage(MarketDataReceived.class, this::onMarketData)
        .onMessageEquals(Resubscribe.INSTANCE, () -> {
          subscribe();
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<VenueCommand> onMarketData(MarketDataReceived received) {
    for (MarketEvent event : received.batch().events()) {
      report(exchange.onMarketEvent(event));
    }
    return Behaviors.same();
  }

  private Behavior<VenueCommand> report(List<VenueReport> reports) {
    reports.forEach(r -> connection.tell(new VenueEvent.Reported(r)));
    return Behaviors.same();
  }

  private void subscribe() {
    instruments.forEach(i -> directory.symbol(i.id()).tell(new SymbolEntity.Subscribe(adapter)));
  }
}
