package org.tradingnode.persistence.marketdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.Liquidation;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.PositionSide;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

/**
 * Market events of every kind for one symbol around the UTC midnight between 2026-03-14 and
 * 2026-03-15, several within the same millisecond, one stamped earlier than its predecessor (as a
 * node-stamped quote can be), with prices that have no short binary form.
 */
final class SampleMarketEvents {
  static final String SYMBOL = "BTCUSDT";
  static final Instant MIDNIGHT = Instant.parse("2026-03-15T00:00:00Z");
  static final long BEFORE_MIDNIGHT = MIDNIGHT.toEpochMilli() - 2;

  private SampleMarketEvents() {}

  /** Four events on 2026-03-14, then four on 2026-03-15, in recorded order. */
  static List<MarketEvent> aroundMidnight() {
    long t = BEFORE_MIDNIGHT;
    return List.of(
        new BookDelta(SYMBOL, t, 100, 100, true,
            List.of(new PriceLevel(60000.01, 0.5), new PriceLevel(59999.99, 1.25)),
            List.of(new PriceLevel(60000.02, 0.1 + 0.2))),
        new Quote(SYMBOL, t, 60000.01, 0.5, 60000.02, 0.30000000000000004),
        new Trade(SYMBOL, t + 1, 7_000_000_001L, 60000.02, 0.00012, Side.BUY),
        new Quote(SYMBOL, t, 60000.01, 0.5, 60000.03, 1e-8),
        new Trade(SYMBOL, t + 2, 7_000_000_002L, 60000.01, 1.0 / 3.0, Side.SELL),
        new BookDelta(SYMBOL, t + 2, 101, 103, false,
            List.of(new PriceLevel(60000.01, 0.0)), List.of()),
        new Liquidation(SYMBOL, t + 3, PositionSide.LONG, 59990.5, 2.5, "paper"),
        new Quote(SYMBOL, t + 3, 59990.49, 3.0, 59990.5, Double.MIN_VALUE));
  }

  /** {@code count} trades one millisecond apart from {@code start}. */
  static List<MarketEvent> trades(long start, int count) {
    List<MarketEvent> trades = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      trades.add(new Trade(SYMBOL, start + i, i, 60000 + i * 0.01, 0.001 * (i + 1), i % 2 == 0 ? Side.BUY : Side.SELL));
    }
    return trades;
  }

  static List<MarketRecord> recorded(String venue, List<MarketEvent> events) {
    return events.stream().map(event -> new MarketRecord(venue, event)).toList();
  }
}
