package org.tradingnode.core.entity;

import java.time.Duration;

/** How a crashing strategy runner is restarted, and after how many crashes in a row it is given up. */
public record RunnerSupervision(Duration minBackoff, Duration maxBackoff, int maxRestarts) {
  public static RunnerSupervision defaults() {
    return new RunnerSupervision(Duration.ofMillis(200), Duration.ofSeconds(5), 5);
  }
}
