package org.tradingnode.core.domain.indicator;

/**
 * Exponential moving average with smoothing factor {@code 2 / (period + 1)}, seeded with the first
 * input (as Tulip Indicators and Achelis' tables do). The value is defined from the first input on;
 * {@link #isReady()} turns true once {@code period} inputs have been seen.
 */
public final class Ema {

  private final int period;
  private final double smoothingFactor;
  private int inputsSeen;
  private double average;

  public Ema(int period) {
    this.period = IndicatorPreconditions.requirePositivePeriod("period", period);
    this.smoothingFactor = 2.0 / (period + 1);
  }

  public void update(double value) {
    if (inputsSeen == 0) {
      average = value;
    } else {
      average += smoothingFactor * (value - average);
    }
    if (inputsSeen < period) {
      inputsSeen++;
    }
  }

  public boolean isReady() {
    return inputsSeen == period;
  }

  /**
   * The current average; equal to the first input after one update.
   *
   * @throws IllegalStateException before the first input
   */
  public double value() {
    IndicatorPreconditions.requireReady(inputsSeen > 0, "Ema(" + period + ")");
    return average;
  }

  public int period() {
    return period;
  }
}
