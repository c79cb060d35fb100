package org.tradingnode.core.domain.marketdata;

import java.util.random.RandomGenerator;

/**
 * The drift state of a {@link SyntheticMarket}: a Markov chain that leaves its state with a small
 * probability each step and then moves to one of the two other states.
 */
public enum TrendRegime {
  UP(1),
  DOWN(-1),
  FLAT(0);

  private static final double SWITCH_PROBABILITY = 0.002;

  private final int direction;

  TrendRegime(int direction) {
    this.direction = direction;
  }

  /** +1 for a rising market, -1 for a falling one, 0 for a flat one. */
  public int direction() {
    return direction;
  }

  TrendRegime next(RandomGenerator random) {
    if (random.nextDouble() >= SWITCH_PROBABILITY) {
      return this;
    }
    TrendRegime[] all = values();
    int offset = 1 + random.nextInt(all.length - 1);
    return all[(ordinal() + offset) % all.length];
  }
}
