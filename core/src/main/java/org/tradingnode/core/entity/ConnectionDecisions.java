package org.tradingnode.core.entity;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderChange;
import org.tradingnode.core.domain.order.OrderHistory;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderLedger;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.entity.ExchangeConnectionEntity.ApplyMode;
import org.tradingnode.core.entity.ExchangeConnectionEntity.CancelRequested;
import org.tradingnode.core.entity.ExchangeConnectionEntity.CancelStrategyOrders;
import org.tradingnode.core.entity.ExchangeConnectionEntity.Command;
import org.tradingnode.core.entity.ExchangeConnectionEntity.ModeApplied;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderAccepted;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderFilled;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderSubmitted;
import org.tradingnode.core.entity.ExchangeConnectionEntity.SubmitOrder;
import org.tradingnode.core.entity.ExchangeConnectionEntity.SubmitUnarchived;
import org.tradingnode.core.entity.ExchangeConnectionEntity.VenueConnected;
import org.tradingnode.core.entity.ExchangeConnectionEntity.VenueReported;
import org.tradingnode.core.gateway.VenueCommand;

/**
 * What an exchange connection decides for each command of a write ({@link ConnectionBatch}): the events
 * to store, and what to send once they are stored (orders to the venue, reports to the strategy and to
 * risk); cancels go to the venue at once. The entity collects the commands and persists what this decides.
 */
final class ConnectionDecisions {
  private final ActorContext<Command> context;
  private final String connectionId;
  private final EntityDirectory directory;
  private final List<Instrument> instruments;
  private final Clock clock;
  private final ConnectionCancels cancels;
  private final ConnectionReplies replies;
  private final Supplier<ActorRef<VenueCommand>> venue;
  private final BooleanSupplier reconciled;

  ConnectionDecisions(ActorContext<Command> context, String connectionId, EntityDirectory directory,
      List<Instrument> instruments, Clock clock, ConnectionCancels cancels, ConnectionReplies replies,
      Supplier<ActorRef<VenueCommand>> venue, BooleanSupplier reconciled) {
    this.context = context;
    this.connectionId = connectionId;
    this.directory = directory;
    this.instruments = instruments;
    this.clock = clock;
    this.cancels = cancels;
    this.replies = replies;
    this.venue = venue;
    this.reconciled = reconciled;
  }

  /** Decides one command of a write against the state as the earlier ones leave it. */
  void decide(ConnectionBatch batch, Command command) {
    if (command instanceof SubmitOrder c) {
      submit(batch, c.intent(), null);
    } else if (command instanceof SubmitUnarchived c) {
      submit(batch, c.intent(), c.floorWhenAsked());
    } else if (command instanceof VenueReported c) {
      report(batch, c.report());
    } else if (command instanceof CancelStrategyOrders c) {
      cancel(batch, batch.openOrdersOf(c.strategyId()), c.reason());
    } else if (command instanceof ApplyMode c) {
      mode(batch, c);
    }
  }

  /**
   * What the venue's reconciliation found is recorded first; orders we sent that the venue neither
   * holds nor reported are then closed ({@link OrderHistory#closingUnmatched}); while trading is halted,
   * what is still open is cancelled (the halt was applied before the venue could be reached).
   */
  void reconcile(ConnectionBatch batch, VenueConnected connected) {
    Set<String> atVenue = new HashSet<>(connected.openClientOrderIds());
    connected.missed().forEach(report -> report(batch, report));
    int reported = batch.events().size();
    for (VenueReport closing : OrderHistory.closingUnmatched(batch.openOrders(), atVenue, clock.millis())) {
      if (closing instanceof VenueReport.Expired) {
        context.getLog().warn("{}: order {} was {} at the venue, which neither holds nor knows it now; closing it "
            + "as expired", connectionId, closing.clientOrderId(), batch.order(closing.clientOrderId()).status());
      }
      report(batch, closing);
    }
    context.getLog().info("{}: reconciled with venue, {} open orders there, {} missed reports recorded, {} closed "
        + "as not at venue", connectionId, atVenue.size(), reported, batch.events().size() - reported);
    if (batch.mode() == TradingMode.HALTED) {
      cancel(batch, batch.openOrders(), "trading halted");
    }
  }

  /**
   * Sends an intent the connection has never seen; answers one it holds from the ledger; asks the
   * journal about one older than the window before anything else ({@code archiveCheckedAtFloor} is the
   * strategy's floor when the journal answered that it never had the intent).
   */
  void submit(ConnectionBatch batch, OrderIntent intent, Long archiveCheckedAtFloor) {
    Order known = batch.order(intent.clientOrderId());
    if (known != null) {
      batch.afterwards(s -> s.ledger().order(intent.clientOrderId()).ifPresent(o -> replies.tell(o, s.ledger().fillsOf(
          o.clientOrderId()))));
      return;
    }
    OrderLedger ledger = batch.ledger();
    if (ledger.lookup(intent.clientOrderId(), intent.strategyId()) == OrderLedger.Lookup.ARCHIVED
        && !Long.valueOf(ledger.floor(intent.strategyId())).equals(archiveCheckedAtFloor)) {
      batch.afterwards(s -> replies.askArchive(intent.strategyId(), intent.clientOrderId(), intent, ledger));
      return;
    }
    long now = clock.millis();
    batch.add(new OrderSubmitted(intent, now));
    if (batch.mode() == TradingMode.HALTED && !intent.isFlatten()) {
      report(batch, new VenueReport.Rejected(intent.clientOrderId(), VenueRejectReason.TRADING_HALTED,
          "trading was halted after risk approved the order", now));
    } else {
      batch.afterwards(s -> {
        TradeLog.submitted(intent);
        venue.get().tell(new VenueCommand.Place(intent));
      });
    }
  }

  void noticeAcknowledgement(OrderLedger ledger, VenueReport report) {
    Order order = ledger.order(report.clientOrderId()).orElse(null);
    if (report instanceof VenueReport.Accepted && order != null && order.status() == OrderStatus.NEW) {
      NodeNotice.publish(context.getSystem(),
          new NodeNotice.VenueAcknowledged(connectionId, order.clientOrderId(), order.intent().tag()));
    }
  }

  /**
   * Records what the report changes (an acceptance with the fills of the same answer is one event) and,
   * once stored, passes it on.
   */
  void report(ConnectionBatch batch, VenueReport report) {
    Order order = batch.order(report.clientOrderId());
    OrderChange change = OrderChange.of(order, report, batch::isNewFill).orElse(null);
    if (change instanceof OrderChange.Accepted a) {
      Optional<Instrument> assets = a.fills().isEmpty() ? Optional.empty() : instrument(order.intent().symbol());
      Order after = batch.add(new OrderAccepted(order.clientOrderId(), a.venueOrderId(), a.at(), a.fills(),
          assets.map(Instrument::baseAsset).orElse(null), assets.map(Instrument::quoteAsset).orElse(null)));
      VenueReport passed = new VenueReport.Accepted(order.clientOrderId(), a.venueOrderId(), a.at(), a.fills());
      batch.afterwards(s -> notify(after, passed, a.fills()));
    } else if (change instanceof OrderChange.Filled f) {
      for (Fill fill : f.fills()) {
        Order after = batch.add(filled(fill));
        batch.afterwards(s -> notify(after, new VenueReport.Filled(fill), List.of(fill)));
      }
    } else if (change != null) {
      Order after = batch.add(ConnectionEvents.closing(report));
      batch.afterwards(s -> notify(after, report, List.of()));
    }
  }

  /**
   * Cancels go to the venue at once for orders it already holds: a cancel needs no durable intent
   * first (after a crash the venue's own state is reconciled), and a halt must not wait for a write.
   * Orders placed in this same write are cancelled after it, so the cancel never overtakes the place.
   */
  void cancel(ConnectionBatch batch, List<Order> candidates, String reason) {
    List<Order> orders = cancels.toSend(candidates);
    long now = clock.millis();
    orders.forEach(o -> batch.add(new CancelRequested(o.clientOrderId(), reason, now)));
    List<Order> atVenue = orders.stream().filter(batch::placedBefore).toList();
    List<Order> placedNow = orders.stream().filter(o -> !batch.placedBefore(o)).toList();
    sendCancels(atVenue);
    if (!placedNow.isEmpty()) {
      batch.afterwards(s -> sendCancels(placedNow));
    }
  }

  void mode(ConnectionBatch batch, ApplyMode cmd) {
    if (batch.mode() != cmd.mode()) {
      batch.add(new ModeApplied(cmd.mode(), cmd.reason(), clock.millis()));
    }
    cancels.modeApplied(cmd.mode(), cmd.since());
    if (cmd.mode() == TradingMode.HALTED && reconciled.getAsBoolean()) {
      cancel(batch, batch.openOrders(), "trading halted");
    }
  }

  private void sendCancels(List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    orders.forEach(o -> venue.get().tell(new VenueCommand.Cancel(o.clientOrderId())));
    cancels.wentOut(orders.size(), clock.millis());
    NodeNotice.publish(context.getSystem(),
        new NodeNotice.CancelsSent(connectionId, orders.stream().map(Order::clientOrderId).toList()));
  }

  private OrderFilled filled(Fill fill) {
    Instrument instrument = instrument(fill.symbol()).orElse(null);
    return instrument == null ? new OrderFilled(fill, null, null)
        : new OrderFilled(fill, instrument.baseAsset(), instrument.quoteAsset());
  }

  /**
   * Writes the trader's line of a persisted venue report and passes it on to the strategy, and to risk what
   * changes exposure: each new fill (the last one completing the order, if it did), or the release of an
   * order that closed unfilled.
   */
  private void notify(Order order, VenueReport report, List<Fill> fills) {
    TradeLog.venueReported(order, report, fills);
    OrderIntent intent = order.intent();
    directory.strategy(intent.strategyId()).tell(new StrategyEntity.OrderUpdated(report));
    var risk = directory.risk(intent.account());
    if (!order.isOpen()) {
      cancels.closed(order.clientOrderId());
    }
    for (int i = 0; i < fills.size(); i++) {
      risk.tell(new RiskEntity.RecordFill(fills.get(i), i == fills.size() - 1 && !order.isOpen()));
    }
    if (fills.isEmpty() && !order.isOpen()) {
      risk.tell(new RiskEntity.ReleaseOrder(order.clientOrderId()));
    }
  }

  /** The configured instrument of the symbol on this connection's exchange. */
  Optional<Instrument> instrument(String symbol) {
    return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst();
  }
}
