package org.tradingnode.core.domain.strategy;

import java.util.List;
import java.util.Optional;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * The logic of one strategy: market events in, order proposals out. Implementations keep their
 * indicators in memory and read their book only from the view, so the same code runs live, in
 * paper trading and in backtests, and a restarted runner continues from the persisted book.
 */
public interface TradingStrategy {
  List<IntentProposal> onMarketEvent(MarketEvent event, SymbolView view);

  /** How the strategy sizes its entry orders, when it sizes them by value; checked when it is created. */
  default Optional<OrderSizing> orderSizing() {
    return Optional.empty();
  }
}
