package org.tradingnode.core.domain.marketdata;

import java.util.random.RandomGenerator;

/**
 * The volatility state of a {@link SyntheticMarket}. A volatile market moves more per step, jumps
 * more often, trades more, quotes a wider spread and shows less size; it is also shorter-lived than
 * a calm one.
 */
public enum VolatilityRegime {
  CALM(0.0002, 0.0005, 1.0, 1.0, 0.002),
  VOLATILE(0.0008, 0.002, 2.5, 0.4, 0.01);

  private final double stepVolatility;
  private final double jumpProbability;
  private final double tradesPerStep;
  private final double depthFactor;
  private final double leaveProbability;

  VolatilityRegime(
      double stepVolatility,
      double jumpProbability,
      double tradesPerStep,
      double depthFactor,
      double leaveProbability) {
    this.stepVolatility = stepVolatility;
    this.jumpProbability = jumpProbability;
    this.tradesPerStep = tradesPerStep;
    this.depthFactor = depthFactor;
    this.leaveProbability = leaveProbability;
  }

  /** Standard deviation of the log return of one step, without jumps. */
  public double stepVolatility() {
    return stepVolatility;
  }

  double jumpProbability() {
    return jumpProbability;
  }

  double tradesPerStep() {
    return tradesPerStep;
  }

  double depthFactor() {
    return depthFactor;
  }

  VolatilityRegime next(RandomGenerator random) {
    if (random.nextDouble() >= leaveProbability) {
      return this;
    }
    return this == CALM ? VOLATILE : CALM;
  }
}
