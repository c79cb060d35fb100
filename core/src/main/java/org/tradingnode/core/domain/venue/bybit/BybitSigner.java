package org.tradingnode.core.domain.venue.bybit;

import java.util.Map;
import org.tradingnode.core.domain.venue.HmacSha256;

/**
 * Signs Bybit v5 requests with an API key's HMAC secret (docs/v5/guide.mdx, "Authentication";
 * docs/v5/websocket/wss-authentication.mdx).
 *
 * <p>REST: the pre-hash string is {@code timestamp + apiKey + recvWindow + payload}, where the
 * payload is the query string of a GET and the JSON body of a POST, exactly as sent. The signature is
 * the lowercase hex HMAC-SHA256 of that string and travels in the {@code X-BAPI-*} headers.
 *
 * <p>WebSocket: a private connection authenticates with the HMAC of {@code "GET/realtime" + expires},
 * {@code expires} being an epoch-millisecond deadline in the future that the caller chooses.
 *
 * <p>Times come in as arguments; the signer never reads a clock. The secret is kept only as a key and
 * is never part of a string this class returns.
 */
public final class BybitSigner {
  /** Header carrying the API key. */
  public static final String API_KEY_HEADER = "X-BAPI-API-KEY";
  /** Header carrying the request timestamp, epoch milliseconds. */
  public static final String TIMESTAMP_HEADER = "X-BAPI-TIMESTAMP";
  /** Header carrying the hex signature. */
  public static final String SIGNATURE_HEADER = "X-BAPI-SIGN";
  /** Header carrying how long after the timestamp the request stays valid, milliseconds. */
  public static final String RECV_WINDOW_HEADER = "X-BAPI-RECV-WINDOW";

  private static final String WEB_SOCKET_AUTH_PREFIX = "GET/realtime";

  private final String apiKey;
  private final HmacSha256 hmac;

  public BybitSigner(String apiKey, String secret) {
    if (apiKey == null || apiKey.isBlank() || secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("an API key and a secret are required");
    }
    this.apiKey = apiKey;
    this.hmac = new HmacSha256(secret);
  }

  /** The string a REST request's signature is computed over. */
  public static String preHash(long timestamp, String apiKey, long recvWindow, String payload) {
    return timestamp + apiKey + recvWindow + payload;
  }

  /** The lowercase hex HMAC-SHA256 of {@code message} under this signer's secret. */
  public String sign(String message) {
    return hmac.hex(message);
  }

  /**
   * The four authentication headers of a REST request.
   *
   * @param payload the query string (GET) or the JSON body (POST), byte for byte as it is sent
   */
  public Map<String, String> headers(long timestamp, long recvWindow, String payload) {
    return Map.of(
        API_KEY_HEADER, apiKey,
        TIMESTAMP_HEADER, Long.toString(timestamp),
        SIGNATURE_HEADER, sign(preHash(timestamp, apiKey, recvWindow, payload)),
        RECV_WINDOW_HEADER, Long.toString(recvWindow));
  }

  /** The signature a private WebSocket sends in its {@code auth} request. */
  public String webSocketSignature(long expires) {
    return sign(WEB_SOCKET_AUTH_PREFIX + expires);
  }

  /** The {@code auth} request of a private WebSocket: {@code {"op":"auth","args":[apiKey, expires, signature]}}. */
  public String webSocketAuthRequest(long expires) {
    return BybitRequests.auth(apiKey, expires, webSocketSignature(expires));
  }
}
