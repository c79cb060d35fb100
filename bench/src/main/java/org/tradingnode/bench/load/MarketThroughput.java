package org.tradingnode.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.NodeNotice;

/**
 * Market events per second from the venue stream into the symbol entities and on to every subscribed
 * strategy (and the paper venue of the account, subscribed to every symbol as in production).
 */
final class MarketThroughput {
  private MarketThroughput() {}

  static void run(int symbols, int strategiesPerSymbol, int batchSize, int runs, Duration window,
      PartResult result) {
    MarketTally tally = new MarketTally();
    try (BenchNode node = BenchNode.start(symbols, new BenchStrategies(tally))) {
      NoticeListener notices = new NoticeListener(node.system(), "market-notices");
      AtomicInteger runners = new AtomicInteger();
      notices.onNotice(n -> {
        if (n instanceof NodeNotice.RunnerStarted) {
          runners.incrementAndGet();
        }
      });
      List<String> names = new ArrayList<>();
      List<StrategyConfig> configs = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        names.add(BenchNode.symbol(s));
        for (int k = 0; k < strategiesPerSymbol; k++) {
          configs.add(BenchNode.strategy("count-" + s + "-" + k, BenchStrategies.COUNT, names.get(s), Map.of()));
        }
      }
      node.createStrategies(configs);
      Pause.until(() -> runners.get() >= configs.size(), 60, "runners of the counting strategies");
      MarketFeedPlayer feed = new MarketFeedPlayer(node, names, batchSize, 50_000L, strategiesPerSymbol,
          tally::delivered);
      Thread thread = new Thread(feed, "market-feed-player");
      thread.start();
      Pause.millis(3_000);
      result.note("market", symbols + " symbols, " + configs.size() + " counting strategies (" + strategiesPerSymbol
          + " per symbol) + the paper venue subscribed to every symbol; batches of " + batchSize
          + " events (quote, trade, ...) per symbol, pushed through EntityRefs, at most 50,000 undelivered");
      for (int run = 0; run < runs; run++) {
        long deliveredBefore = tally.delivered();
        long start = System.nanoTime();
        Pause.millis(window.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        double deliveries = (tally.delivered() - deliveredBefore) / seconds;
        result.add("market_events_per_s", deliveries / strategiesPerSymbol);
        result.add("market_deliveries_per_s", deliveries);
      }
      feed.stop();
      thread.join();
      long pushed = feed.pushed();
      Pause.until(() -> settled(tally), 30, "the last market events");
      result.add("market_out_of_order_or_missing", tally.outOfOrder());
      result.note("market_pushed_events", Long.toString(pushed));
      System.out.printf("  pushed %,d events, delivered %,d%n", pushed, tally.delivered());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean settled(MarketTally tally) {
    long before = tally.delivered();
    Pause.millis(200);
    return tally.delivered() == before;
  }
}
