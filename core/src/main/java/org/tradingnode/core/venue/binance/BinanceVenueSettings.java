package org.tradingnode.core.venue.binance;

import java.time.Duration;

/**
 * Where and how the node talks to a Binance-protocol venue: REST base URL (the simulator, testnet
 * or production), WebSocket base URL, credentials, {@code recvWindow}, the request-weight limit per
 * minute, timeouts and the circuit breaker.
 */
public record BinanceVenueSettings(
    String baseUrl,
    String streamUrl,
    BinanceCredentials credentials,
    Duration recvWindow,
    int weightLimit,
    Duration requestTimeout,
    int breakerFailures,
    Duration breakerReset,
    Duration listenKeyKeepAlive,
    Duration reconnectBackoff) {

  /** Settings with Binance's documented defaults for everything but the addresses and keys. */
  public static BinanceVenueSettings of(String baseUrl, String streamUrl, BinanceCredentials credentials) {
    return new BinanceVenueSettings(stripSlash(baseUrl), stripSlash(streamUrl), credentials, Duration.ofSeconds(5),
        6000, Duration.ofSeconds(10), 5, Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofSeconds(1));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
