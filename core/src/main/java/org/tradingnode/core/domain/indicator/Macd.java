package org.tradingnode.core.domain.indicator;

/**
 * Moving Average Convergence/Divergence as Tulip Indicators defines it: the MACD line is the fast
 * minus the slow exponential moving average of the input, both seeded with the first input; the
 * signal line is an exponential moving average of the MACD line seeded with its value at the
 * {@code slowPeriod}-th input; the histogram is MACD minus signal (so it starts at 0).
 *
 * <p>Smoothing factors are {@code 2 / (period + 1)}, except that the classic 12/26 pair uses
 * Appel's rounded factors 0.15 and 0.075, which Tulip also does and Achelis' published values
 * require. All three outputs are ready after {@code slowPeriod} inputs.
 */
public final class Macd {

  private static final int CLASSIC_FAST_PERIOD = 12;
  private static final int CLASSIC_SLOW_PERIOD = 26;
  private static final double CLASSIC_FAST_SMOOTHING_FACTOR = 0.15;
  private static final double CLASSIC_SLOW_SMOOTHING_FACTOR = 0.075;

  private final int fastPeriod;
  private final int slowPeriod;
  private final int signalPeriod;
  private final double fastSmoothingFactor;
  private final double slowSmoothingFactor;
  private final double signalSmoothingFactor;
  private int inputsSeen;
  private boolean ready;
  private double fastAverage;
  private double slowAverage;
  private double macdLine;
  private double signalLine;

  /**
   * @param fastPeriod period of the fast average, positive and below {@code slowPeriod}
   * @param slowPeriod period of the slow average; also the warm-up length
   * @param signalPeriod period of the signal line's average, positive
   */
  public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
    this.fastPeriod = IndicatorPreconditions.requirePositivePeriod("fastPeriod", fastPeriod);
    this.slowPeriod = IndicatorPreconditions.requirePositivePeriod("slowPeriod", slowPeriod);
    this.signalPeriod = IndicatorPreconditions.requirePositivePeriod("signalPeriod", signalPeriod);
    if (fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException(
          "fastPeriod must be below slowPeriod, was " + fastPeriod + " and " + slowPeriod);
    }
    boolean classic = fastPeriod == CLASSIC_FAST_PERIOD && slowPeriod == CLASSIC_SLOW_PERIOD;
    this.fastSmoothingFactor = classic ? CLASSIC_FAST_SMOOTHING_FACTOR : smoothingFactor(fastPeriod);
    this.slowSmoothingFactor = classic ? CLASSIC_SLOW_SMOOTHING_FACTOR : smoothingFactor(slowPeriod);
    this.signalSmoothingFactor = smoothingFactor(signalPeriod);
  }

  public void update(double value) {
    if (inputsSeen == 0) {
      fastAverage = value;
      slowAverage = value;
    } else {
      fastAverage += fastSmoothingFactor * (value - fastAverage);
      slowAverage += slowSmoothingFactor * (value - slowAverage);
    }
    macdLine = fastAverage - slowAverage;
    if (ready) {
      signalLine += signalSmoothingFactor * (macdLine - signalLine);
    } else {
      inputsSeen++;
      if (inputsSeen == slowPeriod) {
        signalLine = macdLine;
        ready = true;
      }
    }
  }

  public boolean isReady() {
    return ready;
  }

  /**
   * Fast minus slow average.
   *
   * @throws IllegalStateException before {@code slowPeriod} inputs have been seen
   */
  public double macd() {
    requireReady();
    return macdLine;
  }

  /**
   * The exponential moving average of the MACD line.
   *
   * @throws IllegalStateException before {@code slowPeriod} inputs have been seen
   */
  public double signal() {
    requireReady();
    return signalLine;
  }

  /**
   * MACD minus signal.
   *
   * @throws IllegalStateException before {@code slowPeriod} inputs have been seen
   */
  public double histogram() {
    requireReady();
    return macdLine - signalLine;
  }

  public int fastPeriod() {
    return fastPeriod;
  }

  public int slowPeriod() {
    return slowPeriod;
  }

  public int signalPeriod() {
    return signalPeriod;
  }

  private static double smoothingFactor(int period) {
    return 2.0 / (period + 1);
  }

  private void requireReady() {
    IndicatorPreconditions.requireReady(
        isReady(), "Macd(" + fastPeriod + ", " + slowPeriod + ", " + signalPeriod + ")");
  }
}
