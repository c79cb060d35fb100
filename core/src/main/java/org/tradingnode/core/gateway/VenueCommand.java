package org.tradingnode.core.gateway;

import org.tradingnode.core.domain.order.OrderIntent;

/**
 * What an exchange connection tells its venue child. Each venue implementation adds its own
 * internal messages (timers, answers of its clients) as further implementations.
 */
public interface VenueCommand {

  /** Place an order; the client order id is the idempotency key at the venue. */
  record Place(OrderIntent intent) implements VenueCommand {}

  /** Cancel the rest of an order. */
  record Cancel(String clientOrderId) implements VenueCommand {}
}
