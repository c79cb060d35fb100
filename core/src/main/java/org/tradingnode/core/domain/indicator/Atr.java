package org.tradingnode.core.domain.indicator;

/**
 * Average True Range: Wilder's smoothing of the true range, where the true range of a bar is
 * {@code max(high - low, |high - previousClose|, |low - previousClose|)} and just {@code high -
 * low} for the first bar. The first value is the simple mean of the first {@code period} true
 * ranges (as in Tulip Indicators and Achelis), so it is ready after {@code period} bars.
 */
public final class Atr {

  private final int period;
  private final WilderAverage averageTrueRange;
  private boolean hasPreviousClose;
  private double previousClose;

  public Atr(int period) {
    this.period = IndicatorPreconditions.requirePositivePeriod("period", period);
    this.averageTrueRange = new WilderAverage(period);
  }

  /**
   * Adds one bar.
   *
   * @throws IllegalArgumentException if {@code high < low}
   */
  public void update(double high, double low, double close) {
    if (high < low) {
      throw new IllegalArgumentException("high " + high + " is below low " + low);
    }
    double trueRange = high - low;
    if (hasPreviousClose) {
      trueRange = Math.max(trueRange, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }
    averageTrueRange.update(trueRange);
    previousClose = close;
    hasPreviousClose = true;
  }

  public boolean isReady() {
    return averageTrueRange.isReady();
  }

  /**
   * The average true range, in price units.
   *
   * @throws IllegalStateException before {@code period} bars have been seen
   */
  public double value() {
    IndicatorPreconditions.requireReady(isReady(), "Atr(" + period + ")");
    return averageTrueRange.value();
  }

  public int period() {
    return period;
  }
}
