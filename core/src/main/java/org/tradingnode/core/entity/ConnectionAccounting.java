package org.tradingnode.core.entity;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.tradingnode.core.domain.account.VenueAccount;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderChange;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderAccepted;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderEvent;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderFilled;
import org.tradingnode.core.entity.ExchangeConnectionEntity.OrderSubmitted;
import org.tradingnode.core.entity.ExchangeConnectionEntity.State;

/**
 * Applies the exchange connection's order events to its balances and order ledger ({@link VenueAccount}),
 * the same on replay as after a write. Replay reads the assets an event names, so it does not depend on
 * the instrument still being configured.
 */
final class ConnectionAccounting {
  private final String connectionId;
  private final Logger log;
  private final int window;
  private final Function<String, Optional<Instrument>> instruments;

  ConnectionAccounting(String connectionId, Logger log, int window,
      Function<String, Optional<Instrument>> instruments) {
    this.connectionId = connectionId;
    this.log = log;
    this.window = window;
    this.instruments = instruments;
  }

  State submitted(State state, OrderSubmitted event) {
    account(state).submitted(event.intent());
    return state;
  }

  /**
   * Records what the event changes about its order. An event about an order the ledger no longer holds
   * (only possible when the window was made smaller than the distance between an order's events) moves
   * the balances by its fills but changes nothing else, and is logged.
   */
  State changed(State state, OrderEvent event) {
    OrderChange change = ConnectionEvents.changeOf(event);
    if (!account(state).changed(event.clientOrderId(), change, assetsOf(event, VenueAccount.fillsOf(change)))) {
      log.warn("{}: event {} is about order {}, which left the window", connectionId,
          event.getClass().getSimpleName(), event.clientOrderId());
    }
    return state;
  }

  private VenueAccount account(State state) {
    return new VenueAccount(state.balances(), state.ledger(), window);
  }

  /**
   * The assets the event's fills move: those it names; for an older event without them, those of the
   * configured instrument; when that is gone too, none, and the balances are left for the venue's next
   * reconciliation rather than failing the recovery.
   */
  private VenueAccount.Assets assetsOf(OrderEvent event, List<Fill> fills) {
    if (fills.isEmpty()) {
      return VenueAccount.Assets.UNKNOWN;
    }
    VenueAccount.Assets named = event instanceof OrderFilled f ? new VenueAccount.Assets(f.baseAsset(), f.quoteAsset())
        : event instanceof OrderAccepted a ? new VenueAccount.Assets(a.baseAsset(), a.quoteAsset())
        : VenueAccount.Assets.UNKNOWN;
    if (named.known()) {
      return named;
    }
    String symbol = fills.get(0).symbol();
    return instruments.apply(symbol).map(i -> new VenueAccount.Assets(i.baseAsset(), i.quoteAsset())).orElseGet(() -> {
      log.warn("{}: fills {} of {} move no balance: {} is no longer configured", connectionId,
          fills.stream().map(Fill::fillId).toList(), event.clientOrderId(), symbol);
      return VenueAccount.Assets.UNKNOWN;
    });
  }
}
