package org.tradingnode.http.simulator;

import java.util.ArrayList;
import java.util.List;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.marketdata.SyntheticMarket;
import org.tradingnode.core.domain.order.Side;

/** Where one symbol's market comes from: quotes and trades, one step at a time. Not thread-safe. */
sealed interface MarketSource permits MarketSource.Generated, MarketSource.Replayed {

  /** The quotes and trades of the next step, stamped {@code now}. */
  List<MarketEvent> next(long now);

  /** The seeded generator of the core: the same seed gives the same market. */
  final class Generated implements MarketSource {
    private final SyntheticMarket market;

    Generated(SyntheticMarket market) {
      this.market = market;
    }

    @Override
    public List<MarketEvent> next(long now) {
      return market.next(now).stream().filter(e -> e instanceof Quote || e instanceof Trade).toList();
    }
  }

  /**
   * Recorded trades played back, looping: each step plays the next {@code stepMillis} of recorded
   * time, whatever the clock says, so a replay runs the same under a test clock. Each trade comes
   * with the touch it implies (a buyer took the ask, a seller hit the bid, one tick apart).
   */
  final class Replayed implements MarketSource {
    private static final double TOUCH_SIZE = 1.0;

    private final List<Trade> trades;
    private final long stepMillis;
    private final double tickSize;
    private int index;
    private long playedUntil;

    Replayed(List<Trade> trades, long stepMillis, double tickSize) {
      if (trades.isEmpty()) {
        throw new IllegalArgumentException("the replay file has no trades");
      }
      this.trades = List.copyOf(trades);
      this.stepMillis = stepMillis;
      this.tickSize = tickSize;
      this.playedUntil = trades.get(0).timestamp();
    }

    @Override
    public List<MarketEvent> next(long now) {
      if (index == trades.size()) {
        index = 0;
        playedUntil = trades.get(0).timestamp();
      }
      playedUntil += stepMillis;
      List<MarketEvent> events = new ArrayList<>();
      while (index < trades.size() && trades.get(index).timestamp() < playedUntil) {
        Trade t = trades.get(index++);
        boolean buyerTook = t.aggressor() == Side.BUY;
        double bid = buyerTook ? t.price() - tickSize : t.price();
        double ask = buyerTook ? t.price() : t.price() + tickSize;
        events.add(new Quote(t.symbol(), now, bid, TOUCH_SIZE, ask, TOUCH_SIZE));
        events.add(new Trade(t.symbol(), now, t.tradeId(), t.price(), t.quantity(), t.aggressor()));
      }
      return events;
    }
  }
}
