package org.tradingnode.core.gateway;

import org.apache.pekko.actor.typed.Behavior;

/**
 * Makes the venue child of an exchange connection: the paper venue, or the client of a real
 * venue. The child tells the connection {@link VenueEvent.Connected} once it has reconciled, reports
 * everything the venue says with {@link VenueEvent.Reported}, and stops (to be started again by the
 * connection) when it can no longer vouch for what it reports.
 */
@FunctionalInterface
public interface VenueGateway {
  Behavior<VenueCommand> connect(VenueSession session);
}
