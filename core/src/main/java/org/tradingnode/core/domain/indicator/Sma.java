package org.tradingnode.core.domain.indicator;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} inputs, kept as a running
 * sum over a ring buffer. Ready once {@code period} inputs have been seen.
 */
public final class Sma {

  private final double[] window;
  private int nextSlot;
  private int filledSlots;
  private double windowSum;

  public Sma(int period) {
    this.window = new double[IndicatorPreconditions.requirePositivePeriod("period", period)];
  }

  public void update(double value) {
    windowSum += value - window[nextSlot];
    window[nextSlot] = value;
    nextSlot = (nextSlot + 1) % window.length;
    if (filledSlots < window.length) {
      filledSlots++;
    }
  }

  public boolean isReady() {
    return filledSlots == window.length;
  }

  /**
   * The mean of the last {@code period} inputs.
   *
   * @throws IllegalStateException before {@code period} inputs have been seen
   */
  public double value() {
    IndicatorPreconditions.requireReady(isReady(), "Sma(" + period() + ")");
    return windowSum / window.length;
  }

  public int period() {
    return window.length;
  }
}
