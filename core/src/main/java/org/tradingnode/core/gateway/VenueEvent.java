package org.tradingnode.core.gateway;

import java.util.List;
import org.tradingnode.core.domain.order.VenueReport;

/** What a venue child tells its exchange connection. */
public sealed interface VenueEvent {

  /** Something the venue said about one of the connection's orders. */
  record Reported(VenueReport report) implements VenueEvent {}

  /**
   * The child has (re)connected and reconciled: the orders the venue holds open, and what happened to the
   * connection's orders while nobody listened (fills, cancels, acceptances).
   */
  record Connected(List<String> openClientOrderIds, List<VenueReport> missed) implements VenueEvent {
    public Connected {
      openClientOrderIds = List.copyOf(openClientOrderIds);
      missed = missed == null ? List.of() : List.copyOf(missed);
    }
  }
}
