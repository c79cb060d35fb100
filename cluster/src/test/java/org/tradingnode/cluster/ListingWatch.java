package org.tradingnode.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the strategy listing of some nodes over and over in the background and keeps every answer that
 * was not a 200 with all the strategies, to show the listing stays available while entities move.
 */
final class ListingWatch {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger answers = new AtomicInteger();
  private final List<String> problems = new ArrayList<>();
  private final Thread thread;

  private ListingWatch(LocalCluster cluster, List<Integer> nodes, int strategies) {
    thread = new Thread(() -> {
      while (running.get()) {
        for (int node : nodes) {
          ApiClient.Answer answer = cluster.api(node).get("/api/v1/strategies");
          answers.incrementAndGet();
          if (answer.status() != 200 || answer.body() == null || answer.body().size() != strategies) {
            synchronized (problems) {
              problems.add("node " + node + ": " + answer.status() + " "
                  + (answer.body() == null ? "" : answer.body().size() + " strategies"));
            }
          }
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "listing-watch");
    thread.setDaemon(true);
  }

  static ListingWatch start(LocalCluster cluster, List<Integer> nodes, int strategies) {
    ListingWatch watch = new ListingWatch(cluster, nodes, strategies);
    watch.thread.start();
    return watch;
  }

  /** Stops asking; the answers that were not a full listing. */
  List<String> stop() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  int answers() {
    return answers.get();
  }
}
