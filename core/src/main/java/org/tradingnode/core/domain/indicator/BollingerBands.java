package org.tradingnode.core.domain.indicator;

/**
 * Bollinger Bands: the simple moving average of the last {@code period} inputs (middle band) plus
 * and minus {@code multiplier} times their population standard deviation, as in Tulip's BBANDS.
 * The mean and the sum of squared deviations are updated in constant time as the window slides.
 * Ready once {@code period} inputs have been seen.
 */
public final class BollingerBands {

  private final double[] window;
  private final double multiplier;
  private int nextSlot;
  private int filledSlots;
  private double mean;
  private double sumOfSquaredDeviations;

  /**
   * @param period number of inputs in the window, positive
   * @param multiplier how many standard deviations the outer bands lie from the middle, positive
   */
  public BollingerBands(int period, double multiplier) {
    if (!(multiplier > 0.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be positive and finite, was " + multiplier);
    }
    this.window = new double[IndicatorPreconditions.requirePositivePeriod("period", period)];
    this.multiplier = multiplier;
  }

  public void update(double value) {
    if (filledSlots < window.length) {
      filledSlots++;
      double deviationFromOldMean = value - mean;
      mean += deviationFromOldMean / filledSlots;
      sumOfSquaredDeviations += deviationFromOldMean * (value - mean);
    } else {
      double evicted = window[nextSlot];
      double oldMean = mean;
      mean += (value - evicted) / window.length;
      sumOfSquaredDeviations += (value - evicted) * (value - mean + evicted - oldMean);
    }
    window[nextSlot] = value;
    nextSlot = (nextSlot + 1) % window.length;
  }

  public boolean isReady() {
    return filledSlots == window.length;
  }

  /**
   * The simple moving average of the window.
   *
   * @throws IllegalStateException before {@code period} inputs have been seen
   */
  public double middle() {
    requireReady();
    return mean;
  }

  /**
   * The middle band plus {@code multiplier} standard deviations.
   *
   * @throws IllegalStateException before {@code period} inputs have been seen
   */
  public double upper() {
    requireReady();
    return mean + multiplier * standardDeviation();
  }

  /**
   * The middle band minus {@code multiplier} standard deviations.
   *
   * @throws IllegalStateException before {@code period} inputs have been seen
   */
  public double lower() {
    requireReady();
    return mean - multiplier * standardDeviation();
  }

  public int period() {
    return window.length;
  }

  public double multiplier() {
    return multiplier;
  }

  private double standardDeviation() {
    return Math.sqrt(Math.max(sumOfSquaredDeviations, 0.0) / window.length);
  }

  private void requireReady() {
    IndicatorPreconditions.requireReady(isReady(), "BollingerBands(" + period() + ", " + multiplier + ")");
  }
}
