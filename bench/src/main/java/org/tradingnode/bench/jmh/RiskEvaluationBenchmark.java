package org.tradingnode.bench.jmh;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.risk.AccountExposure;
import org.tradingnode.core.domain.risk.RiskDecision;
import org.tradingnode.core.domain.risk.RiskEngine;
import org.tradingnode.core.domain.risk.RiskLimits;

/**
 * One pre-trade check: {@code RiskEngine.standard().evaluate} of a BTCUSDT limit buy in RUNNING mode
 * against the default limits of conf/trading.conf and an account with three long positions, eight
 * open orders, 35 orders of the strategy in the last two minutes and a realized loss today. The
 * intent is within every limit, so all eight rules run (the most expensive path).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class RiskEvaluationBenchmark {

  private static final String STRATEGY = "momentum-btc";

  private RiskEngine engine;
  private OrderIntent intent;
  private AccountExposure exposure;
  private RiskLimits limits;
  private long now;

  @Setup
  public void buildAccount() {
    engine = RiskEngine.standard();
    limits = TradingSamples.defaultLimits();
    now = TradingSamples.START_TIME + 5;
    intent = TradingSamples.btcLimitBuy();
    exposure = accountExposure(now);
    if (!(engine.evaluate(intent, TradingMode.RUNNING, exposure, limits, now) instanceof RiskDecision.Approved)) {
      throw new IllegalStateException("the sample intent should pass every rule");
    }
  }

  @Benchmark
  public RiskDecision evaluateAgainstAllRules() {
    return engine.evaluate(intent, TradingMode.RUNNING, exposure, limits, now);
  }

  private static AccountExposure accountExposure(long now) {
    Map<String, Position> positions = Map.of(
        "BTCUSDT", position("BTCUSDT", "0.25000", "59800.00", "412.50", "29.90"),
        "ETHUSDT", position("ETHUSDT", "3.0000", "2950.00", "-86.20", "8.85"),
        "SOLUSDT", position("SOLUSDT", "40.000", "148.00", "15.00", "5.92"));
    Map<String, BigDecimal> lastPrices = Map.of(
        "BTCUSDT", new BigDecimal("60010.00"),
        "ETHUSDT", new BigDecimal("3005.40"),
        "SOLUSDT", new BigDecimal("151.20"));
    Map<String, OrderIntent> openOrders = new HashMap<>();
    for (int i = 0; i < 4; i++) {
      addOpen(openOrders, TradingSamples.intent(STRATEGY, i + 1, "BTCUSDT", Side.BUY, OrderType.LIMIT, "0.01000",
          (59_900 - 25 * i) + ".00", "60010.00", now - 4_000));
    }
    addOpen(openOrders, TradingSamples.intent("momentum-eth", 7, "ETHUSDT", Side.BUY, OrderType.LIMIT, "0.5000",
        "2990.00", "3005.40", now - 3_000));
    addOpen(openOrders, TradingSamples.intent("momentum-eth", 8, "ETHUSDT", Side.SELL, OrderType.LIMIT, "1.0000",
        "3060.00", "3005.40", now - 2_500));
    addOpen(openOrders, TradingSamples.intent("momentum-sol", 3, "SOLUSDT", Side.SELL, OrderType.LIMIT, "10.000",
        "155.00", "151.20", now - 2_000));
    addOpen(openOrders, TradingSamples.intent("momentum-sol", 4, "SOLUSDT", Side.BUY, OrderType.LIMIT, "10.000",
        "147.50", "151.20", now - 1_000));
    Map<String, List<Long>> recentOrderTimes = Map.of(
        STRATEGY, orderTimes(now, 35, 3_400),
        "momentum-eth", orderTimes(now, 12, 9_000),
        "momentum-sol", orderTimes(now, 6, 15_000));
    long today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC).toEpochDay();
    Map<Long, BigDecimal> realizedPnlByDay = Map.of(
        today - 1, new BigDecimal("310.45"),
        today, new BigDecimal("-1250.50"));
    return new AccountExposure(positions, lastPrices, openOrders, recentOrderTimes, realizedPnlByDay);
  }

  private static Position position(String symbol, String quantity, String averageEntryPrice, String realizedPnl,
      String fees) {
    return new Position(symbol, new BigDecimal(quantity), new BigDecimal(averageEntryPrice),
        new BigDecimal(realizedPnl), new BigDecimal(fees));
  }

  private static void addOpen(Map<String, OrderIntent> openOrders, OrderIntent intent) {
    openOrders.put(intent.clientOrderId(), intent);
  }

  /** {@code count} order times, newest first, {@code spacingMs} apart. */
  private static List<Long> orderTimes(long now, int count, long spacingMs) {
    List<Long> times = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      times.add(now - 1 - i * spacingMs);
    }
    return times;
  }
}
