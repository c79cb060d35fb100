package org.tradingnode.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.NodeNotice;

/**
 * Recovery time. {@code prepare} builds a journal of {@code strategies} strategies with 101 events
 * each (created, started, 33 market orders of intent, acceptance and fill), then stops the node.
 * {@code measure} starts a node on that journal (one per JVM, so classes load as in a real start) and
 * times from the start call until every strategy has recovered and its runner is running again.
 */
final class Recovery {
  static final int ORDERS_PER_STRATEGY = 33;

  private Recovery() {}

  static void prepare(Path dataDir, int symbols, int strategies, PartResult result) throws IOException {
    if (Files.exists(dataDir)) {
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (BenchNode node = BenchNode.start(dataDir, symbols, new BenchStrategies(new MarketTally()), s -> { })) {
      Map<String, Integer> fills = new ConcurrentHashMap<>();
      AtomicLong complete = new AtomicLong();
      new NoticeListener(node.system(), "prepare-notices").onNotice(n -> {
        if (n instanceof NodeNotice.OrderProgressed p && p.status() == OrderStatus.FILLED
            && fills.merge(p.strategyId(), 1, Integer::sum) == ORDERS_PER_STRATEGY) {
          complete.incrementAndGet();
        }
      });
      List<String> names = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        names.add(BenchNode.symbol(s));
      }
      List<StrategyConfig> configs = new ArrayList<>();
      for (int k = 0; k < strategies; k++) {
        configs.add(BenchNode.strategy("recover-" + k, BenchStrategies.LOAD, names.get(k % symbols),
            Map.of("mode", "market", "maxOrders", Integer.toString(ORDERS_PER_STRATEGY))));
      }
      long start = System.nanoTime();
      node.createStrategies(configs);
      TriggerFeed feed = new TriggerFeed(node, names, 2);
      Pause.until(() -> complete.get() >= strategies, 600, strategies + " strategies with "
          + ORDERS_PER_STRATEGY + " filled orders each");
      feed.stop();
      Pause.millis(1_000);
      result.note("recovery_prepare_s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
      result.note("recovery_journal_rows", Long.toString(node.journalRows()));
    }
  }

  static void measure(Path dataDir, int symbols, int strategies, PartResult result) {
    Set<String> running = ConcurrentHashMap.newKeySet();
    AtomicLong allRunningAt = new AtomicLong();
    long start = System.nanoTime();
    try (BenchNode node = BenchNode.start(dataDir, symbols, new BenchStrategies(new MarketTally()),
        system -> new NoticeListener(system, "recovery-notices").onNotice(n -> {
          if (n instanceof NodeNotice.RunnerStarted r && running.add(r.strategyId()) && running.size() == strategies) {
            allRunningAt.set(System.nanoTime());
          }
        }))) {
      Pause.until(() -> allRunningAt.get() != 0, 300, strategies + " strategies running again");
      result.note("recovery", strategies + " strategies with 101 events each (snapshots every 100 events, as in "
          + "production) recovered by remember-entities on start; from the node's start call until every runner "
          + "runs; the JVM's own start is not included");
      result.add("recovery_s", (allRunningAt.get() - start) / 1e9);
      result.note("recovery_journal_rows", Long.toString(node.journalRows()));
    }
  }
}
