package org.tradingnode.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * Plays the paper venue's market stream as fast as the node takes it: batches of quotes and trades
 * per symbol, each symbol's trades numbered 1, 2, 3, ..., pushed into the symbol entities through
 * their EntityRefs, with at most {@code window} events not yet delivered to every subscriber.
 */
final class MarketFeedPlayer implements Runnable {
  private final List<EntityRef<SymbolEntity.Command>> symbols;
  private final List<String> names;
  private final long[] nextTradeId;
  private final int batchSize;
  private final long window;
  private final LongSupplier deliveredEvents;
  private final int fanOut;
  private final AtomicLong pushed = new AtomicLong();
  private volatile boolean running = true;

  MarketFeedPlayer(BenchNode node, List<String> symbolNames, int batchSize, long window, int fanOut,
      LongSupplier deliveredEvents) {
    this.names = List.copyOf(symbolNames);
    this.symbols = new ArrayList<>();
    symbolNames.forEach(s -> symbols.add(node.symbolRef(s)));
    this.nextTradeId = new long[symbolNames.size()];
    this.batchSize = batchSize;
    this.window = window;
    this.fanOut = fanOut;
    this.deliveredEvents = deliveredEvents;
  }

  long pushed() {
    return pushed.get();
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    int symbol = 0;
    while (running) {
      if (pushed.get() * fanOut - deliveredEvents.getAsLong() > window * fanOut) {
        Pause.millis(1);
        continue;
      }
      symbols.get(symbol).tell(new SymbolEntity.PublishMarketData(batch(symbol)));
      pushed.addAndGet(batchSize);
      symbol = (symbol + 1) % symbols.size();
    }
  }

  private List<MarketEvent> batch(int symbol) {
    String name = names.get(symbol);
    long now = System.currentTimeMillis();
    List<MarketEvent> events = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i += 2) {
      long id = ++nextTradeId[symbol];
      double wiggle = (id % 7) * 0.01;
      events.add(new Quote(name, now, BenchNode.PRICE - 0.01 - wiggle, 5.0, BenchNode.PRICE + 0.01 + wiggle, 5.0));
      events.add(new Trade(name, now, id, BenchNode.PRICE + wiggle, 0.5, id % 2 == 0 ? Side.BUY : Side.SELL));
    }
    return events;
  }
}
