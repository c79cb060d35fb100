package org.tradingnode.core.domain.indicator;

/**
 * Wilder's Relative Strength Index, {@code 100 * averageGain / (averageGain + averageLoss)}, where
 * both averages are Wilder-smoothed over {@code period} input-to-input changes (the first average
 * is the simple mean of the first {@code period} gains or losses). Ready after {@code period + 1}
 * inputs. A window without any change at all reads 50.
 */
public final class Rsi {

  private static final double NEUTRAL = 50.0;

  private final int period;
  private final WilderAverage averageGain;
  private final WilderAverage averageLoss;
  private boolean hasPreviousInput;
  private double previousInput;

  public Rsi(int period) {
    this.period = IndicatorPreconditions.requirePositivePeriod("period", period);
    this.averageGain = new WilderAverage(period);
    this.averageLoss = new WilderAverage(period);
  }

  public void update(double value) {
    if (hasPreviousInput) {
      double change = value - previousInput;
      averageGain.update(Math.max(change, 0.0));
      averageLoss.update(Math.max(-change, 0.0));
    }
    previousInput = value;
    hasPreviousInput = true;
  }

  public boolean isReady() {
    return averageGain.isReady();
  }

  /**
   * The index, between 0 and 100.
   *
   * @throws IllegalStateException before {@code period + 1} inputs have been seen
   */
  public double value() {
    IndicatorPreconditions.requireReady(isReady(), "Rsi(" + period + ")");
    double totalMovement = averageGain.value() + averageLoss.value();
    return totalMovement == 0.0 ? NEUTRAL : 100.0 * averageGain.value() / totalMovement;
  }

  public int period() {
    return period;
  }
}
