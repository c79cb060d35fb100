package org.tradingnode.core.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Order;

/**
 * What a venue child starts from: where it reports to its connection ({@link VenueEvent}), the instruments it trades, and the
 * connection's journal view of balances and open orders (including orders submitted but never
 * acknowledged), which the child reconciles with the venue before it reports itself connected.
 */
public record VenueSession(
    String connectionId,
    List<Instrument> instruments,
    Map<String, BigDecimal> balances,
    List<Order> openOrders,
    ActorRef<VenueEvent> connection,
    Clock clock) {
  public VenueSession {
    instruments = List.copyOf(instruments);
    balances = Map.copyOf(balances);
    openOrders = List.copyOf(openOrders);
  }
}
