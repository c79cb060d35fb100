package org.tradingnode.core.venue.binance;

import java.time.Duration;

/**
 * Where and how the node talks to a Binance-protocol venue: REST base URL (the simulator, testnet
 * or production), WebSocket base URL, how the user data stream is opened, credentials, {@code recvWindow}, the request-weight limit per
 * minute, timeouts, the circuit breaker, and how many requests may be in flight at once (the rest
 * wait in the client, where the rate gate can still hold them back).
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
    Duration reconnectBackoff,
    int maxRequestsInFlight,
    UserStream userStream,
    String wsApiUrl) {

  /**
   * How the user data stream is opened: a signed subscription on the WebSocket API (Binance's
   * only way since listen keys were retired for spot in February 2026) or a REST listen key.
   */
  public enum UserStream { WS_API, LISTEN_KEY }

  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

  /**
   * Settings with Binance's documented defaults for everything but the addresses and keys; the
   * user data stream comes from the WebSocket API at {@code <streamUrl>/ws-api/v3}.
   */
  public static BinanceVenueSettings of(String baseUrl, String streamUrl, BinanceCredentials credentials) {
    return new BinanceVenueSettings(stripSlash(baseUrl), stripSlash(streamUrl), credentials, Duration.ofSeconds(5),
        6000, Duration.ofSeconds(10), 5, Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofSeconds(1), 4,
        UserStream.WS_API, stripSlash(streamUrl) + "/ws-api/v3");
  }

  /** The same settings with the venue's request-weight limit per minute. */
  public BinanceVenueSettings withWeightLimit(int limit) {
    return new BinanceVenueSettings(baseUrl, streamUrl, credentials, recvWindow, limit, requestTimeout,
        breakerFailures, breakerReset, listenKeyKeepAlive, reconnectBackoff, maxRequestsInFlight, userStream, wsApiUrl);
  }

  /** The same settings with the user data stream from {@code stream} ({@code wsApiUrl} used by WS_API only). */
  public BinanceVenueSettings withUserStream(UserStream stream, String wsApiUrl) {
    return new BinanceVenueSettings(baseUrl, streamUrl, credentials, recvWindow, weightLimit, requestTimeout,
        breakerFailures, breakerReset, listenKeyKeepAlive, reconnectBackoff, maxRequestsInFlight, stream,
        stripSlash(wsApiUrl));
  }

  /** How long to wait before reconnecting after this many failures in a row: doubling, at most 30 s. */
  public Duration reconnectDelay(int failures) {
    Duration delay = reconnectBackoff.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 5));
    return delay.compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : delay;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
