package org.tradingnode.persistence.marketdata;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the node records market data ({@code trading.market-recording}): on or off, how many events may
 * wait for the store before new ones are dropped, how many go into one write and how long a write
 * waits to fill, and the backoff between restarts after a failed write.
 */
public record MarketRecordingSettings(
    boolean enabled,
    int bufferSize,
    int batchSize,
    Duration batchInterval,
    Duration minBackoff,
    Duration maxBackoff) {

  public MarketRecordingSettings {
    if (bufferSize < 1 || batchSize < 1) {
      throw new IllegalArgumentException("market recording buffer and batch sizes must be positive");
    }
    if (batchInterval.isNegative() || batchInterval.isZero() || minBackoff.isNegative() || minBackoff.isZero()
        || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("market recording intervals must be positive, max backoff >= min");
    }
  }

  /** The settings under {@code trading.market-recording} of the node's config. */
  public static MarketRecordingSettings from(Config root) {
    Config c = root.getConfig("trading.market-recording");
    return new MarketRecordingSettings(c.getBoolean("enabled"), c.getInt("buffer-size"), c.getInt("batch-size"),
        c.getDuration("batch-interval"), c.getDuration("min-backoff"), c.getDuration("max-backoff"));
  }
}
