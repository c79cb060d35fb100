package org.tradingnode.core.venue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the paper venue's market data comes from: the seeded generator (one market per instrument,
 * starting at the given prices) or a recorded Binance trades file replayed at its own pace, looping,
 * for one symbol. {@code tickInterval} is how often events are pushed, in batches per symbol. A node
 * whose market data comes from elsewhere (a load driver playing the venue) turns the feed off.
 */
public record MarketFeedSettings(
    boolean enabled,
    Duration tickInterval, long seed, Map<String, Double> startPrices, Path replayFile, String replaySymbol) {

  public MarketFeedSettings {
    startPrices = Map.copyOf(startPrices);
    if (tickInterval.isNegative() || tickInterval.isZero()) {
      throw new IllegalArgumentException("market feed tick interval must be positive");
    }
  }

  public boolean replays() {
    return replayFile != null;
  }
}
