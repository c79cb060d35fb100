package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;

/**
 * The orders that close a strategy's positions on an operator's request: for each symbol held and not
 * given up, one reduce-only market order for the whole position (a sell for a long, a buy for a
 * short), tagged {@link OrderIntent#FLATTEN_TAG}, valued at the last price the strategy saw (its
 * average entry before any).
 */
public final class Flattening {
  private Flattening() {}

  public static List<IntentProposal> proposals(StrategyBook book, Map<String, BigDecimal> marks,
      Set<String> givenUp) {
    List<IntentProposal> proposals = new ArrayList<>();
    for (Position p : new TreeMap<>(book.positions()).values()) {
      if (p.isFlat() || givenUp.contains(p.symbol()) || book.hasWorkingOrder(p.symbol())) {
        continue;
      }
      BigDecimal reference = marks.getOrDefault(p.symbol(), p.averageEntryPrice());
      proposals.add(new IntentProposal(p.symbol(), p.quantity().signum() > 0 ? Side.SELL : Side.BUY,
          OrderType.MARKET, p.quantity().abs(), null, reference, true, OrderIntent.FLATTEN_TAG));
    }
    return proposals;
  }

  /** The symbols still held. */
  public static List<String> held(StrategyBook book) {
    return new TreeMap<>(book.positions()).values().stream().filter(p -> !p.isFlat()).map(Position::symbol)
        .toList();
  }
}
