package org.tradingnode.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * A steady market on every symbol: every {@code periodMillis} one quote and one trade per symbol,
 * the trade numbered per symbol. Strategies of type {@code bench-load} answer each trade with an
 * order while they have none working.
 */
final class TriggerFeed implements Runnable {
  private final List<EntityRef<SymbolEntity.Command>> refs = new ArrayList<>();
  private final List<String> names;
  private final long periodNanos;
  private final long[] tradeIds;
  private volatile boolean running = true;
  private volatile boolean paused;
  private final Thread thread;

  TriggerFeed(BenchNode node, List<String> symbols, long periodMillis) {
    this.names = List.copyOf(symbols);
    symbols.forEach(s -> refs.add(node.symbolRef(s)));
    this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    this.tradeIds = new long[symbols.size()];
    this.thread = new Thread(this, "trigger-feed");
    thread.setDaemon(true);
    thread.start();
  }

  static List<MarketEvent> touchAndTrade(String symbol, long tradeId) {
    long now = System.currentTimeMillis();
    return List.of(new Quote(symbol, now, BenchNode.PRICE - 0.01, 1_000.0, BenchNode.PRICE + 0.01, 1_000.0),
        new Trade(symbol, now, tradeId, BenchNode.PRICE, 0.5, tradeId % 2 == 0 ? Side.BUY : Side.SELL));
  }

  @Override
  public void run() {
    long next = System.nanoTime();
    while (running) {
      for (int i = 0; i < refs.size() && !paused; i++) {
        refs.get(i).tell(new SymbolEntity.PublishMarketData(touchAndTrade(names.get(i), ++tradeIds[i])));
      }
      next += periodNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /** Stops sending until {@link #resume()}; the trades go on numbered from where they stopped. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
  }

  void stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
