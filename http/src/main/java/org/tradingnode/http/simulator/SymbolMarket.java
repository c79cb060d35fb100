package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

/**
 * One listed symbol: its market source, its order book, and its id sequences (order ids and trade
 * ids increase per symbol, as on Binance). Each step publishes the public streams ({@code @trade},
 * {@code @bookTicker}, one {@code @depth@100ms} diff) and hands the quotes and trades to the matching
 * engine. Confined to the venue thread.
 */
final class SymbolMarket {
  private final Instrument instrument;
  private final MarketSource source;
  private final DepthBook book;
  private final String streamPrefix;
  private long nextOrderId = 1;
  private long nextTradeId = 1;
  private long lastStep = Long.MIN_VALUE;
  private long depthIdsToWithhold;

  SymbolMarket(Instrument instrument, MarketSource source, DepthBook book) {
    this.instrument = instrument;
    this.source = source;
    this.book = book;
    this.streamPrefix = instrument.symbol().toLowerCase(Locale.ROOT) + "@";
  }

  Instrument instrument() {
    return instrument;
  }

  long nextOrderId() {
    return nextOrderId++;
  }

  long nextTradeId() {
    return nextTradeId++;
  }

  DepthBook.Snapshot depth(int limit) {
    return book.snapshot(limit);
  }

  /** The middle of the book's touch: the price a market order's notional is checked at. */
  BigDecimal midPrice() {
    return book.bestBid().price().add(book.bestAsk().price()).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_EVEN);
  }

  /** Holds back the next depth diffs from the stream until at least {@code updateIds} ids were left out. */
  void withholdDepthUpdateIds(long updateIds) {
    depthIdsToWithhold = updateIds;
  }

  long depthIdsToWithhold() {
    return depthIdsToWithhold;
  }

  /** Plays one step of the market at {@code now}; returns the quotes and trades for the matching engine. */
  List<MarketEvent> step(long now, StreamPublisher streams) {
    long at = Math.max(now, lastStep);
    lastStep = at;
    List<MarketEvent> events = new ArrayList<>();
    for (MarketEvent event : source.next(at)) {
      if (event instanceof Quote q) {
        events.add(moveTouch(q, at, streams));
      } else if (event instanceof Trade t) {
        events.add(trade(t, at, streams));
      }
    }
    book.drain().ifPresent(diff -> {
      if (depthIdsToWithhold > 0) {
        depthIdsToWithhold = Math.max(0, depthIdsToWithhold - diff.updateIds());
      } else {
        streams.publish(streamPrefix + "depth@100ms",
            SimulatorJson.write(StreamPayloads.depthUpdate(instrument.symbol(), diff, at)));
      }
    });
    return events;
  }

  private Quote moveTouch(Quote q, long at, StreamPublisher streams) {
    BigDecimal bid = instrument.roundPrice(q.bidPrice(), RoundingMode.HALF_EVEN);
    BigDecimal ask = instrument.roundPrice(q.askPrice(), RoundingMode.HALF_EVEN);
    if (ask.compareTo(bid) <= 0) {
      ask = bid.add(instrument.tickSize());
    }
    book.moveTouch(bid, BigDecimal.valueOf(q.bidSize()), ask, BigDecimal.valueOf(q.askSize()));
    DepthBook.Level bestBid = book.bestBid();
    DepthBook.Level bestAsk = book.bestAsk();
    streams.publish(streamPrefix + "bookTicker", SimulatorJson.write(
        StreamPayloads.bookTicker(instrument.symbol(), book.lastUpdateId(), bestBid, bestAsk)));
    return new Quote(instrument.symbol(), at, bestBid.price().doubleValue(), bestBid.quantity().doubleValue(),
        bestAsk.price().doubleValue(), bestAsk.quantity().doubleValue());
  }

  private Trade trade(Trade t, long at, StreamPublisher streams) {
    long id = nextTradeId++;
    BigDecimal price = instrument.roundPrice(t.price(), RoundingMode.HALF_EVEN);
    BigDecimal quantity = BigDecimal.valueOf(t.quantity());
    streams.publish(streamPrefix + "trade", SimulatorJson.write(StreamPayloads.trade(instrument.symbol(), id, price,
        quantity, at, t.aggressor() == Side.SELL, at)));
    return new Trade(instrument.symbol(), at, id, price.doubleValue(), t.quantity(), t.aggressor());
  }
}
