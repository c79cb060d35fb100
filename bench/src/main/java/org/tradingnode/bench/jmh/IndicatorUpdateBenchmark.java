package org.tradingnode.bench.jmh;

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
import org.openjdk.jmh.infra.Blackhole;
import org.tradingnode.core.domain.indicator.Atr;
import org.tradingnode.core.domain.indicator.BollingerBands;
import org.tradingnode.core.domain.indicator.Ema;
import org.tradingnode.core.domain.indicator.Macd;
import org.tradingnode.core.domain.indicator.Rsi;
import org.tradingnode.core.domain.indicator.Sma;

/**
 * One update of a warmed-up indicator with the next bar of a seeded random walk, followed by
 * reading its outputs, as a strategy does on every bar. Periods are the usual ones (SMA 20, EMA 21,
 * RSI 14, MACD 12/26/9, Bollinger 20 x 2, ATR 14).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class IndicatorUpdateBenchmark {

  private static final int SERIES_LENGTH = 4096;
  private static final int SERIES_MASK = SERIES_LENGTH - 1;

  private PriceWalk walk;
  private int nextBar;
  private Sma sma;
  private Ema ema;
  private Rsi rsi;
  private Macd macd;
  private BollingerBands bollingerBands;
  private Atr atr;

  @Setup
  public void warmUpIndicators() {
    walk = PriceWalk.generate(42L, SERIES_LENGTH, 60_000.0, 0.0005);
    sma = new Sma(20);
    ema = new Ema(21);
    rsi = new Rsi(14);
    macd = new Macd(12, 26, 9);
    bollingerBands = new BollingerBands(20, 2.0);
    atr = new Atr(14);
    for (int bar = 0; bar < SERIES_LENGTH; bar++) {
      double close = walk.close(bar);
      sma.update(close);
      ema.update(close);
      rsi.update(close);
      macd.update(close);
      bollingerBands.update(close);
      atr.update(walk.high(bar), walk.low(bar), close);
    }
    nextBar = 0;
  }

  @Benchmark
  public double sma() {
    sma.update(walk.close(advance()));
    return sma.value();
  }

  @Benchmark
  public double ema() {
    ema.update(walk.close(advance()));
    return ema.value();
  }

  @Benchmark
  public double rsi() {
    rsi.update(walk.close(advance()));
    return rsi.value();
  }

  @Benchmark
  public void macd(Blackhole blackhole) {
    macd.update(walk.close(advance()));
    blackhole.consume(macd.macd());
    blackhole.consume(macd.signal());
    blackhole.consume(macd.histogram());
  }

  @Benchmark
  public void bollingerBands(Blackhole blackhole) {
    bollingerBands.update(walk.close(advance()));
    blackhole.consume(bollingerBands.lower());
    blackhole.consume(bollingerBands.middle());
    blackhole.consume(bollingerBands.upper());
  }

  @Benchmark
  public double atr() {
    int bar = advance();
    atr.update(walk.high(bar), walk.low(bar), walk.close(bar));
    return atr.value();
  }

  private int advance() {
    int bar = nextBar;
    nextBar = (bar + 1) & SERIES_MASK;
    return bar;
  }
}
