package org.tradingnode.core.domain.venue.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Requests of Binance's WebSocket API. A SIGNED request's parameters are sorted by name and the
 * signature is the HMAC of {@code name=value&...} over them, as the signing vectors show.
 */
public final class BinanceWsApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BinanceWsApi() {}

  /** {@code userDataStream.subscribe.signature}: the account's user data on this connection. */
  public static String userDataSubscription(long id, String apiKey, long recvWindowMillis, long timestamp,
      BinanceSigner signer) {
    BinanceQuery sorted = BinanceQuery.empty().with("apiKey", apiKey).with("recvWindow", recvWindowMillis)
        .with("timestamp", timestamp);
    ObjectNode request = MAPPER.createObjectNode().put("id", id).put("method", "userDataStream.subscribe.signature");
    request.putObject("params").put("apiKey", apiKey).put("recvWindow", recvWindowMillis).put("timestamp", timestamp)
        .put("signature", signer.sign(sorted.encoded()));
    return request.toString();
  }
}
