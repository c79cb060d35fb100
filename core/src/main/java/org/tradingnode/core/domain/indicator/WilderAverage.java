package org.tradingnode.core.domain.indicator;

/**
 * Wilder's smoothed average: the simple mean of the first {@code period} values, then {@code
 * (previous * (period - 1) + value) / period} for each further value.
 */
final class WilderAverage {

  private final int period;
  private int valuesSeen;
  private double seedSum;
  private double average;

  WilderAverage(int period) {
    this.period = period;
  }

  void update(double value) {
    if (valuesSeen < period) {
      seedSum += value;
      valuesSeen++;
      if (valuesSeen == period) {
        average = seedSum / period;
      }
    } else {
      average = (average * (period - 1) + value) / period;
    }
  }

  boolean isReady() {
    return valuesSeen == period;
  }

  double value() {
    return average;
  }
}
