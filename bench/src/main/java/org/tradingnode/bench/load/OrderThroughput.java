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
 * order working; events per order are counted from the journal's own rows.
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
      Pause.millis(5_000);
      for (int run = 0; run < runs; run++) {
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
      }
      feed.stop();
      result.add("orders_refused", refused.sum());
    }
  }
}
