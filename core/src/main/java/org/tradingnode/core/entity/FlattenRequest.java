package org.tradingnode.core.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tradingnode.core.domain.strategy.Flattening;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyBook;

/**
 * An operator's request to flatten a strategy, as its entity follows it: the closing orders go out once
 * the symbol has no working order left (its open orders are canceled first), and again while the
 * position is not flat: a market order the touch could fill only in part is followed by the next one
 * once the market has moved on. A symbol whose closing orders filled nothing {@link #ATTEMPTS} times
 * (refused by risk or the venue, e.g. a remainder below the minimum notional) is given up and named, and
 * the request ends after {@link #MAX_ORDERS} orders whatever happens. Kept in memory: a strategy that
 * moves to another node before it is flat is flattened by asking again.
 */
final class FlattenRequest {
  static final int ATTEMPTS = 3;
  static final int MAX_ORDERS = 200;
  private boolean active;
  private long startedAt;
  private int sent;

  void start(long now) {
    active = true;
    startedAt = now;
    sent = 0;
  }

  boolean active() {
    return active;
  }

  /** The closing orders to send now; none once every position is flat or given up (the request then ends). */
  List<IntentProposal> next(StrategyBook book, Map<String, BigDecimal> marks) {
    if (!active) {
      return List.of();
    }
    List<IntentProposal> proposals = sent >= MAX_ORDERS ? List.of()
        : Flattening.proposals(book, marks, givenUp(book));
    if (proposals.isEmpty() && book.openOrders().isEmpty()) {
      active = false;
    }
    sent += proposals.size();
    return proposals;
  }

  /** The symbols whose closing orders, since the request, filled nothing {@link #ATTEMPTS} times. */
  Set<String> givenUp(StrategyBook book) {
    return book.recentlyClosed().stream()
        .filter(o -> o.intent().isFlatten() && o.intent().createdAt() >= startedAt
            && o.filledQuantity().signum() == 0)
        .collect(Collectors.groupingBy(o -> o.intent().symbol(), Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() >= ATTEMPTS).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
