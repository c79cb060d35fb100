package org.tradingnode.core.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.entity.chain.ChainedEvent;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * The orders a connection no longer holds in memory, read back from its own journal: what a connection
 * answers about a client order id older than its window of closed orders. Rarely asked (an intent
 * delayed for longer than the window lasts, a strategy asking about an order it lost track of long
 * ago), so it reads the connection's events from the start rather than keeping an index.
 */
public interface OrderArchive {

  /** The order as the connection's journal leaves it, with its fills; empty when the journal never had it. */
  CompletionStage<Optional<ArchivedOrder>> find(String connectionId, String clientOrderId);

  /** An order and its fills as the journal recorded them. */
  record ArchivedOrder(Order order, List<Fill> fills) implements CborSerializable {
    public ArchivedOrder {
      fills = List.copyOf(fills);
    }
  }

  /** The archive on the journal that the given read journal plugin reads. */
  static OrderArchive journal(ActorSystem<?> system, String readJournalPluginId) {
    CurrentEventsByPersistenceIdQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    return (connectionId, clientOrderId) -> journal
        .currentEventsByPersistenceId(PersistenceId.of(ExchangeConnectionEntity.TYPE_KEY.name(), connectionId).id(),
            0L, Long.MAX_VALUE)
        .runWith(Sink.fold(new Folded(clientOrderId), Folded::with), system)
        .thenApply(Folded::result);
  }

  /** An order's events folded in journal order with the connection's own transitions. */
  final class Folded {
    private final String clientOrderId;
    private Order order;
    private final List<Fill> fills = new ArrayList<>();

    Folded(String clientOrderId) {
      this.clientOrderId = clientOrderId;
    }

    Folded with(EventEnvelope envelope) {
      Object event = envelope.event() instanceof ChainedEvent chained ? chained.event() : envelope.event();
      if (event instanceof ExchangeConnectionEntity.OrderEvent e && e.clientOrderId().equals(clientOrderId)
          && (order != null || e instanceof ExchangeConnectionEntity.OrderSubmitted)) {
        if (e instanceof ExchangeConnectionEntity.OrderFilled f) {
          fills.add(f.fill());
        } else if (e instanceof ExchangeConnectionEntity.OrderAccepted a) {
          fills.addAll(a.fills());
        }
        order = ConnectionEvents.advance(order, e);
      }
      return this;
    }

    Optional<ArchivedOrder> result() {
      return Optional.ofNullable(order).map(o -> new ArchivedOrder(o, fills));
    }
  }
}
