package org.tradingnode.core.venue.bybit;

import java.time.Duration;
import java.util.List;

/**
 * Where a {@link BybitMarketStream} connects and how it keeps the connection: the public stream's
 * URL, the topics to subscribe, how often to ping (Bybit advises every 20 seconds), how long a silent
 * connection is trusted before it is dropped, and the backoff between reconnects.
 */
public record BybitStreamSettings(
    String url,
    List<String> topics,
    Duration pingInterval,
    Duration idleTimeout,
    Duration minBackoff,
    Duration maxBackoff) {

  /** Bybit's public stream of USDT/USDC perpetuals and futures (the category with liquidations). */
  public static final String LINEAR_URL = "wss://stream.bybit.com/v5/public/linear";
  /** Bybit's public spot stream. */
  public static final String SPOT_URL = "wss://stream.bybit.com/v5/public/spot";

  public BybitStreamSettings {
    topics = List.copyOf(topics);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a stream URL is required");
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("at least one topic is required");
    }
    requirePositive("ping interval", pingInterval);
    requirePositive("idle timeout", idleTimeout);
    requirePositive("minimum backoff", minBackoff);
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("maximum backoff is below the minimum");
    }
    if (idleTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException("the idle timeout must outlast the ping interval, or pongs cannot keep it open");
    }
  }

  /** Pings every 20 s, drops a connection silent for 60 s, reconnects after 1 s backing off to 30 s. */
  public static BybitStreamSettings of(String url, List<String> topics) {
    return new BybitStreamSettings(url, topics, Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  private static void requirePositive(String name, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
