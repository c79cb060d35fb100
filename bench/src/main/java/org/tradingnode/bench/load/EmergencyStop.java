package org.tradingnode.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.NodeNotice;

/**
 * Emergency stop with {@code strategies} running strategies, each with a resting order at the venue:
 * from the moment the stop command is sent to the API until every runner has terminated and every one
 * of those orders has had its cancel sent to the venue. Resumed and repeated {@code cycles} times.
 */
final class EmergencyStop {
  private EmergencyStop() {}

  static void run(int symbols, int strategies, int cycles, PartResult result) {
    try (BenchNode node = BenchNode.start(symbols, new BenchStrategies(new MarketTally()))) {
      Set<String> running = ConcurrentHashMap.newKeySet();
      Set<String> open = ConcurrentHashMap.newKeySet();
      Set<String> awaitingCancel = ConcurrentHashMap.newKeySet();
      AtomicLong finishedAt = new AtomicLong();
      AtomicLong runnersDoneAt = new AtomicLong();
      AtomicLong cancelsDoneAt = new AtomicLong();
      CountDownLatch[] done = {new CountDownLatch(1)};
      boolean[] stopping = {false};
      NoticeListener notices = new NoticeListener(node.system(), "stop-notices");
      notices.onNotice(n -> {
        if (n instanceof NodeNotice.RunnerStarted r) {
          running.add(r.strategyId());
        } else if (n instanceof NodeNotice.RunnerStopped r) {
          if (running.remove(r.strategyId()) && running.isEmpty()) {
            runnersDoneAt.set(System.nanoTime());
          }
        } else if (n instanceof NodeNotice.OrderProgressed p) {
          if (p.status() == OrderStatus.ACCEPTED) {
            open.add(p.clientOrderId());
          } else if (p.status().isFinal()) {
            open.remove(p.clientOrderId());
          }
        } else if (n instanceof NodeNotice.CancelsSent c) {
          c.clientOrderIds().forEach(awaitingCancel::remove);
          if (awaitingCancel.isEmpty()) {
            cancelsDoneAt.compareAndSet(0, System.nanoTime());
          }
        }
        if (stopping[0] && running.isEmpty() && awaitingCancel.isEmpty() && finishedAt.get() == 0) {
          finishedAt.set(System.nanoTime());
          done[0].countDown();
        }
      });
      List<String> names = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        names.add(BenchNode.symbol(s));
      }
      List<StrategyConfig> configs = new ArrayList<>();
      for (int k = 0; k < strategies; k++) {
        configs.add(BenchNode.strategy("rest-" + k, BenchStrategies.LOAD, names.get(k % symbols), Map.of("mode", "rest")));
      }
      node.createStrategies(configs);
      TriggerFeed feed = new TriggerFeed(node, names, 50);
      result.note("stop", strategies + " running strategies on " + symbols + " symbols, each with a resting limit "
          + "order at the paper venue; POST /api/v1/emergency-stop until every runner terminated and every open "
          + "order's cancel was sent; then resume and repeat");
      for (int cycle = 0; cycle < cycles; cycle++) {
        Pause.until(() -> running.size() == strategies && open.size() == strategies, 120,
            "every strategy running with a resting order");
        stopping[0] = false;
        finishedAt.set(0);
        runnersDoneAt.set(0);
        cancelsDoneAt.set(0);
        done[0] = new CountDownLatch(1);
        awaitingCancel.clear();
        awaitingCancel.addAll(open);
        long start = System.nanoTime();
        stopping[0] = true;
        int status = node.post("/api/v1/emergency-stop", "{\"reason\":\"benchmark\"}");
        if (status != 200) {
          throw new IllegalStateException("emergency stop answered " + status);
        }
        try {
          if (!done[0].await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("stop not complete: " + running.size() + " runners, "
                + awaitingCancel.size() + " cancels missing");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        String suffix = cycle == 0 ? "_first" : "";
        result.add("emergency_stop_ms" + suffix, (finishedAt.get() - start) / 1e6);
        result.add("emergency_stop_runners_ms" + suffix, (runnersDoneAt.get() - start) / 1e6);
        result.add("emergency_stop_cancels_ms" + suffix, (cancelsDoneAt.get() - start) / 1e6);
        stopping[0] = false;
        Pause.until(open::isEmpty, 60, "the cancels to be confirmed");
        node.post("/api/v1/resume", "{\"reason\":\"benchmark\"}");
      }
      feed.stop();
    }
  }
}
