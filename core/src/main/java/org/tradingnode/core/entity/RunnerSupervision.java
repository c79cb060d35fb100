package org.tradingnode.core.entity;

import java.time.Duration;
import org.tradingnode.core.domain.strategy.StrategyBook;

/**
 * How a crashing strategy runner is restarted and after how many crashes in a row it is given up, and
 * after how many refused orders in a row (by risk or the venue) a running strategy is paused rather than
 * left placing orders that cannot succeed (0: never paused) (at most {@link StrategyBook#RECENTLY_CLOSED}).
 */
public record RunnerSupervision(Duration minBackoff, Duration maxBackoff, int maxRestarts, int maxRefusalsInARow) {
  public RunnerSupervision {
    if (maxRefusalsInARow < 0 || maxRefusalsInARow > StrategyBook.RECENTLY_CLOSED) {
      throw new IllegalArgumentException("max-refusals-in-a-row must be from 1 to "
          + StrategyBook.RECENTLY_CLOSED + ", or 0 never to pause");
    }
  }

  public static RunnerSupervision defaults() {
    return new RunnerSupervision(Duration.ofMillis(200), Duration.ofSeconds(5), 5, 10);
  }
}
