package org.tradingnode.bench.load;

import java.util.concurrent.atomic.LongAdder;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;

/**
 * What the counting strategies saw: every delivered event, and per subscriber and symbol whether the
 * trade ids came in order with none missing (the feed numbers each symbol's trades 1, 2, 3, ...).
 */
final class MarketTally {
  private final LongAdder delivered = new LongAdder();
  private final LongAdder outOfOrder = new LongAdder();

  /** One delivered event; {@code last} is the subscriber's own cursor of its symbol's trade ids. */
  void record(MarketEvent event, long[] last) {
    delivered.increment();
    if (event instanceof Trade t) {
      if (last[0] != 0 && t.tradeId() != last[0] + 1) {
        outOfOrder.increment();
      }
      last[0] = t.tradeId();
    }
  }

  long delivered() {
    return delivered.sum();
  }

  long outOfOrder() {
    return outOfOrder.sum();
  }
}
