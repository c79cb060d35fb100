package org.tradingnode.bench.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.NodeNotice;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * Heap in use after a full GC with {@code symbols} symbol entities alive (each has received market
 * data and keeps its last quote and trade) and {@code strategies} momentum strategies running on the
 * first of them, after the market has moved for a while so their indicators are filled.
 */
final class HeapFootprint {
  private HeapFootprint() {}

  static void run(int symbols, int strategies, int runs, PartResult result) {
    try (BenchNode node = BenchNode.start(symbols, new BenchStrategies(new MarketTally()))) {
      AtomicInteger runners = new AtomicInteger();
      new NoticeListener(node.system(), "heap-notices").onNotice(n -> {
        if (n instanceof NodeNotice.RunnerStarted) {
          runners.incrementAndGet();
        }
      });
      List<String> names = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        names.add(BenchNode.symbol(s));
        node.symbolRef(names.get(s)).tell(new SymbolEntity.PublishMarketData(TriggerFeed.touchAndTrade(names.get(s), 1)));
      }
      List<StrategyConfig> configs = new ArrayList<>();
      for (int k = 0; k < strategies; k++) {
        configs.add(BenchNode.strategy("momentum-" + k, "momentum", names.get(k),
            Map.of("fastPeriod", "5", "slowPeriod", "20", "orderNotional", "50", "takeProfit", "0.001:0.5,0.002:0.5",
                "stopLoss", "0.003", "exitOnCrossDown", "true")));
      }
      node.createStrategies(configs);
      Pause.until(() -> runners.get() >= strategies, 120, "runners of the momentum strategies");
      TriggerFeed feed = new TriggerFeed(node, names.subList(0, strategies), 20);
      Pause.millis(10_000);
      feed.stop();
      Pause.millis(2_000);
      result.note("heap", symbols + " symbol entities alive, " + strategies + " momentum strategies running with "
          + "filled indicators; heap used after System.gc(), -Xmx as started by bench/run");
      for (int run = 0; run < runs; run++) {
        for (int i = 0; i < 3; i++) {
          System.gc();
          Pause.millis(300);
        }
        result.add("heap_used_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
      }
    }
  }
}
