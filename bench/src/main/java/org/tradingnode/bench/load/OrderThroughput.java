package org.tradingnode.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.NodeNotice;

/**
 * Orders per second through the whole persisted path: strategy intent, risk decision, connection
 * submit, paper venue fill, and back to risk and the strategy; every step persisted in the node's
 * durable journal. {@code strategies} market-order strategies on {@code symbols} symbols each keep one
 * order working; events per order are counted from the journal's own rows. Before each window the orders
 * pause, the read side catches up, and the tagged journal baseline ({@link Baselines}) is measured in the
 * same node, on the same journal file, so that {@code journal_efficiency_paired} compares the order path with the journal as it
 * is at that moment rather than with one measured minutes earlier in another JVM on a fresh file. The
 * orders warm up for two windows first, and each baseline lasts half a window.
 */
final class OrderThroughput {

  private OrderThroughput() {}

  static void run(int symbols, int strategies, int runs, Duration window, PartResult result) {
    try (BenchNode node = BenchNode.start(symbols, new BenchStrategies(new MarketTally()))) {
      LongAdder filled = new LongAdder();
      LongAdder refused = new LongAdder();
      AtomicInteger runners = new AtomicInteger();
      NoticeListener notices = new NoticeListener(node.system(), "order-notices");
      notices.onNotice(n -> {
        if (n instanceof NodeNotice.OrderProgressed p) {
          if (p.status() == OrderStatus.FILLED) {
            filled.increment();
          } else if (p.status() == OrderStatus.REJECTED) {
            refused.increment();
          }
        } else if (n instanceof NodeNotice.RunnerStarted) {
          runners.incrementAndGet();
        }
      });
      List<String> names = new ArrayList<>();
      List<StrategyConfig> configs = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        names.add(BenchNode.symbol(s));
      }
      for (int k = 0; k < strategies; k++) {
        configs.add(BenchNode.strategy("load-" + k, BenchStrategies.LOAD, names.get(k % symbols),
            Map.of("mode", "market")));
      }
      node.createStrategies(configs);
      Pause.until(() -> runners.get() >= strategies, 60, "runners of the load strategies");
      TriggerFeed feed = new TriggerFeed(node, names, 2);
      result.note("orders", strategies + " strategies on " + symbols + " symbols, one account, each keeping one market "
          + "order working; a quote and a trade per symbol every 2 ms trigger the next order");
      result.note("journal_efficiency_paired", "events per second of the order window over the tagged journal "
          + "baseline measured in the same node just before it, with the orders paused");
      // The JIT compiles the order path in the first seconds: windows measured then say more about it than about
      // the path.
      Pause.millis(window.multipliedBy(2).toMillis());
      Baselines.initWriters(node);
      Baselines.taggedJournal(node, Duration.ofSeconds(2));
      for (int run = 0; run < runs; run++) {
        feed.pause();
        Pause.millis(1_000);
        // The read side catches up first, so that the baseline has the journal to itself.
        int caughtUp = node.get("/api/v1/strategies?consistent=true");
        if (caughtUp != 200) {
          throw new IllegalStateException("the read side did not catch up: " + caughtUp);
        }
        double baseline = Baselines.taggedJournal(node, window.dividedBy(2));
        feed.resume();
        Pause.millis(2_000);
        long filledBefore = filled.sum();
        long rowsBefore = node.journalRows();
        long start = System.nanoTime();
        Pause.millis(window.toMillis());
        long orders = filled.sum() - filledBefore;
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = node.journalRows() - rowsBefore;
        result.add("orders_per_s", orders / seconds);
        result.add("events_per_order", orders == 0 ? 0 : (double) rows / orders);
        result.add("journal_events_per_s_under_order_load", rows / seconds);
        result.add("baseline_journal_tagged_events_per_s_beside_orders", baseline);
        result.add("journal_efficiency_paired", rows / seconds / baseline);
      }
      feed.stop();
      result.add("orders_refused", refused.sum());
    }
  }
}
