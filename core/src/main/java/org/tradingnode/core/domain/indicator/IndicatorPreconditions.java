package org.tradingnode.core.domain.indicator;

/** Argument and state checks shared by the indicators of this package. */
final class IndicatorPreconditions {

  private IndicatorPreconditions() {}

  static int requirePositivePeriod(String name, int period) {
    if (period <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + period);
    }
    return period;
  }

  static void requireReady(boolean ready, String indicator) {
    if (!ready) {
      throw new IllegalStateException(indicator + " has not seen enough inputs to produce a value yet");
    }
  }
}
