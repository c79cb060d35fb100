package org.tradingnode.bench.jmh;

import java.util.SplittableRandom;

/**
 * A seeded geometric random walk of bar closes on a 0.01 tick, with each bar's high and low, for
 * feeding indicators. The walk is bent into a bridge so that it ends one ordinary step away from
 * where it started: a benchmark cycling through the series never sees a jump at the wrap-around.
 */
final class PriceWalk {

  private static final double TICK = 0.01;

  private final double[] closes;
  private final double[] highs;
  private final double[] lows;

  private PriceWalk(double[] closes, double[] highs, double[] lows) {
    this.closes = closes;
    this.highs = highs;
    this.lows = lows;
  }

  /**
   * @param length number of bars
   * @param startPrice the first close
   * @param volatilityPerBar standard deviation of a bar's log return, e.g. 0.0005
   */
  static PriceWalk generate(long seed, int length, double startPrice, double volatilityPerBar) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] logReturns = new double[length];
    double totalLogReturn = 0.0;
    for (int i = 0; i < length; i++) {
      logReturns[i] = volatilityPerBar * gaussian(random);
      totalLogReturn += logReturns[i];
    }
    double driftCorrection = totalLogReturn / length;
    double[] closes = new double[length];
    double[] highs = new double[length];
    double[] lows = new double[length];
    double logPrice = Math.log(startPrice);
    double previousClose = onTick(startPrice);
    for (int i = 0; i < length; i++) {
      logPrice += logReturns[i] - driftCorrection;
      double close = onTick(Math.exp(logPrice));
      double wick = Math.abs(gaussian(random)) * volatilityPerBar * close;
      closes[i] = close;
      highs[i] = onTick(Math.max(previousClose, close) + wick);
      lows[i] = onTick(Math.min(previousClose, close) - wick * random.nextDouble());
      previousClose = close;
    }
    return new PriceWalk(closes, highs, lows);
  }

  double close(int bar) {
    return closes[bar];
  }

  double high(int bar) {
    return highs[bar];
  }

  double low(int bar) {
    return lows[bar];
  }

  private static double onTick(double price) {
    return Math.round(price / TICK) * TICK;
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
