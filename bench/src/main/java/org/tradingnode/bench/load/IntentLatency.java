package org.tradingnode.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.NodeNotice;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * Intent-to-acknowledgement latency at a fixed offered rate. Slot i is due at start + i / rate; at
 * that moment a trade numbered i goes to symbol i mod N, whose one strategy answers it with a market
 * order tagged i. The latency of slot i runs from its due time (not from when the driver got round to
 * sending it, so a stall counts in full: coordinated omission corrected) until the venue's acceptance
 * reaches the connection ({@code intent_to_ack}: the strategy's intent, risk's decision and the
 * connection's submit are each persisted on the way) and, reported beside it, until the strategy has
 * persisted that acceptance too ({@code intent_to_strategy_ack}). Slots never acknowledged are counted. Beside
 * them, the CPU time of the whole process (node and driver) per offered order in the window
 * ({@code cpu_us_per_order}): at rates the node sustains, the cost of an order whatever the machine's noise.
 */
final class IntentLatency {
  /** Offered before anything is measured, so that the figures are of compiled code, not of the JIT at work. */
  private static final Duration WARM_UP = Duration.ofSeconds(30);

  private IntentLatency() {}

  /** The required figures are at 1,000 orders/s; other rates are reported under their own names. */
  static void run(int symbols, int ratePerSecond, int runs, Duration window, PartResult result) {
    String suffix = ratePerSecond == 1000 ? "" : "_at_" + ratePerSecond + "_per_s";
    try (Session session = Session.start(symbols)) {
      result.note("latency" + suffix, ratePerSecond + " orders/s offered on " + symbols + " symbols with one "
          + "market-order strategy each (each strategy gets a trade every " + (symbols * 1000 / ratePerSecond) + " ms); from the "
          + "slot's due time until the venue's acceptance reaches the connection (intent, risk decision and "
          + "submit persisted on the way); intent_to_strategy_ack until the strategy persisted it too; "
          + "HdrHistogram, coordinated omission corrected; measured after " + WARM_UP.toSeconds()
          + " s at the same rate");
      session.offer(ratePerSecond, WARM_UP);
      for (int run = 0; run < runs; run++) {
        session.measure(ratePerSecond, window, result, suffix);
      }
      result.add("intent_refused" + suffix, session.refused.sum());
    }
  }

  /**
   * The knee: on one node, each offered rate in turn (a warm-up, then one window), and the highest rate
   * whose intent_to_ack p99 stays within {@code p99BoundMicros} ({@code knee_orders_per_s}, 0 when none).
   */
  static void knee(int symbols, List<Integer> rates, Duration window, long p99BoundMicros, PartResult result) {
    try (Session session = Session.start(symbols)) {
      result.note("knee", "the latency part's load at offered rates " + rates + " orders/s in turn, one "
          + window.toSeconds() + " s window each after 2 s of warm-up; knee_orders_per_s is the highest rate whose intent_to_ack p99 is <= "
          + p99BoundMicros / 1000 + " ms");
      session.offer(rates.get(0), WARM_UP);
      int knee = 0;
      for (int rate : rates) {
        session.offer(rate, Duration.ofSeconds(2));
        long p99 = session.measure(rate, window, result, "_at_" + rate + "_per_s");
        if (p99 <= p99BoundMicros) {
          knee = rate;
        }
      }
      result.add("knee_orders_per_s", knee);
    }
  }

  /** A node with one market-order strategy per symbol, and the recorders its notices feed. */
  private static final class Session implements AutoCloseable {
    private final BenchNode node;
    private final List<String> names = new ArrayList<>();
    private final Map<Long, Long> dueNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> strategyDueNanos = new ConcurrentHashMap<>();
    private final Recorder recorder = new Recorder(3);
    private final Recorder strategyRecorder = new Recorder(3);
    private final LongAdder refused = new LongAdder();
    private long slot = 1;

    private Session(BenchNode node) {
      this.node = node;
    }

    static Session start(int symbols) {
      Session session = new Session(BenchNode.start(symbols, new BenchStrategies(new MarketTally())));
      session.prepare(symbols);
      return session;
    }

    private void prepare(int symbols) {
      AtomicInteger runners = new AtomicInteger();
      NoticeListener notices = new NoticeListener(node.system(), "latency-notices");
      notices.onNotice(n -> {
        if (n instanceof NodeNotice.RunnerStarted) {
          runners.incrementAndGet();
        } else if (n instanceof NodeNotice.VenueAcknowledged a && a.tag() != null) {
          record(dueNanos.remove(Long.parseLong(a.tag())), recorder);
        } else if (n instanceof NodeNotice.OrderProgressed p && p.tag() != null) {
          long tagged = Long.parseLong(p.tag());
          if (p.status() == OrderStatus.REJECTED) {
            refused.increment();
            dueNanos.remove(tagged);
            strategyDueNanos.remove(tagged);
          } else {
            record(strategyDueNanos.remove(tagged), strategyRecorder);
          }
        }
      });
      List<StrategyConfig> configs = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        names.add(BenchNode.symbol(s));
        configs.add(BenchNode.strategy("latency-" + s, BenchStrategies.LOAD, names.get(s), Map.of("mode", "market")));
      }
      node.createStrategies(configs);
      Pause.until(() -> runners.get() >= symbols, 60, "runners of the latency strategies");
      for (int s = 0; s < symbols; s++) {
        node.symbolRef(names.get(s))
            .tell(new SymbolEntity.PublishMarketData(TriggerFeed.touchAndTrade(names.get(s), 0)));
      }
      Pause.millis(1_000);
    }

    /** Offers the rate for a while without measuring. */
    void offer(int rate, Duration length) {
      IntentLatency.offer(node, names, rate, length, slot, dueNanos, strategyDueNanos);
      slot += length.toSeconds() * rate;
    }

    /** One measured window at the rate; returns its intent_to_ack p99 in microseconds. */
    long measure(int rate, Duration window, PartResult result, String suffix) {
      Pause.millis(500);
      dueNanos.clear();
      strategyDueNanos.clear();
      recorder.getIntervalHistogram();
      strategyRecorder.getIntervalHistogram();
      long cpuBefore = processCpuNanos();
      offer(rate, window);
      result.add("cpu_us_per_order" + suffix, (processCpuNanos() - cpuBefore) / 1_000.0 / (window.toSeconds() * rate));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while ((!dueNanos.isEmpty() || !strategyDueNanos.isEmpty()) && System.nanoTime() < deadline) {
        Pause.millis(10);
      }
      result.add("intent_unanswered" + suffix, closeWindow(dueNanos, recorder));
      Histogram acks = recorder.getIntervalHistogram();
      report(result, "intent_to_ack", suffix, acks);
      result.add("intent_to_strategy_ack_unanswered" + suffix, closeWindow(strategyDueNanos, strategyRecorder));
      report(result, "intent_to_strategy_ack", suffix, strategyRecorder.getIntervalHistogram());
      return acks.getValueAtPercentile(99);
    }

    @Override
    public void close() {
      node.close();
    }
  }

  /** CPU time of this whole process (node and driver) so far. */
  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void record(Long due, Recorder recorder) {
    if (due != null) {
      recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
    }
  }

  /** Slots still unanswered count with their age so far; returns how many there were. */
  private static int closeWindow(Map<Long, Long> due, Recorder recorder) {
    int unanswered = due.size();
    long now = System.nanoTime();
    due.values().forEach(d -> recorder.recordValue((now - d) / 1_000));
    due.clear();
    return unanswered;
  }

  private static void report(PartResult result, String name, String suffix, Histogram h) {
    result.add(name + "_p50_us" + suffix, h.getValueAtPercentile(50));
    result.add(name + "_p99_us" + suffix, h.getValueAtPercentile(99));
    result.add(name + "_p999_us" + suffix, h.getValueAtPercentile(99.9));
    result.add(name + "_max_us" + suffix, h.getMaxValue());
    result.add(name + "_samples" + suffix, h.getTotalCount());
  }

  /** Sends one trade per slot at its due time; a late driver sends at once and the lateness counts. */
  private static void offer(BenchNode node, List<String> names, int rate, Duration length, long firstSlot,
      Map<Long, Long> dueNanos, Map<Long, Long> strategyDueNanos) {
    var refs = names.stream().map(node::symbolRef).toList();
    long start = System.nanoTime();
    long slots = length.toSeconds() * rate;
    for (long i = 0; i < slots; i++) {
      long due = start + i * 1_000_000_000L / rate;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long slot = firstSlot + i;
      int symbol = (int) (slot % names.size());
      dueNanos.put(slot, due);
      strategyDueNanos.put(slot, due);
      refs.get(symbol).tell(new SymbolEntity.PublishMarketData(TriggerFeed.touchAndTrade(names.get(symbol), slot)));
    }
  }
}
