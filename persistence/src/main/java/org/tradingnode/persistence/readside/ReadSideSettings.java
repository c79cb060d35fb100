package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.stream.RestartSettings;

/**
 * How the projection reads: events are applied in batches of up to {@code batchSize} collected for at
 * most {@code batchWindow}; a failed stream restarts from the stored offset after a growing pause.
 */
public record ReadSideSettings(int batchSize, Duration batchWindow, Duration minBackoff, Duration maxBackoff,
    double randomFactor) {

  /** From the {@code trading.read-side} section. */
  public static ReadSideSettings from(Config readSide) {
    return new ReadSideSettings(readSide.getInt("batch-size"), readSide.getDuration("batch-window"),
        readSide.getDuration("min-backoff"), readSide.getDuration("max-backoff"),
        readSide.getDouble("random-factor"));
  }

  public RestartSettings restart() {
    return RestartSettings.create(minBackoff, maxBackoff, randomFactor);
  }
}
