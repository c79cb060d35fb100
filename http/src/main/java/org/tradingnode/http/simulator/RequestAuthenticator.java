package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.venue.binance.BinanceSigner;

/**
 * Checks who sent a request the way Binance does: the {@code X-MBX-APIKEY} header names an account
 * (-2014 when absent, -2015 when unknown, both HTTP 401); a SIGNED request also needs
 * {@code timestamp} within {@code recvWindow} of the server's time (default 5000 ms, at most 60000;
 * -1021 otherwise) and an HMAC-SHA256 {@code signature} of exactly the received parameters (-1022).
 * Thread-safe: it holds only the immutable signers.
 */
final class RequestAuthenticator {
  private static final BigDecimal DEFAULT_RECV_WINDOW = new BigDecimal(5000);
  private static final BigDecimal MAX_RECV_WINDOW = new BigDecimal(60000);
  private static final long AHEAD_TOLERANCE_MS = 1000;
  private static final long MICROSECOND_TIMESTAMPS_FROM = 100_000_000_000_000L;

  private record Credential(String account, BinanceSigner signer) {}

  private final Map<String, Credential> byApiKey = new HashMap<>();
  private final Clock clock;

  RequestAuthenticator(List<SimulatorAccount> accounts, Clock clock) {
    accounts.forEach(a -> byApiKey.put(a.apiKey(), new Credential(a.name(), new BinanceSigner(a.apiSecret()))));
    this.clock = clock;
  }

  /** The name of the account that sent the request, or a Binance error. */
  String authenticate(Endpoint.Security security, RestRequest request) {
    String apiKey = request.apiKey().filter(k -> !k.isBlank())
        .orElseThrow(() -> new BinanceError(401, -2014, "API-key format invalid."));
    Credential credential = byApiKey.get(apiKey);
    if (credential == null) {
      throw new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
    if (security == Endpoint.Security.SIGNED) {
      String signature = request.required("signature");
      checkTiming(request);
      if (!credential.signer().verifies(request.signaturePayload(), signature)) {
        throw BinanceError.badRequest(-1022, "Signature for this request is not valid.");
      }
    }
    return credential.account();
  }

  private void checkTiming(RestRequest request) {
    long timestamp = request.longParam("timestamp").orElseThrow(() -> BinanceError.mandatory("timestamp"));
    BigDecimal recvWindow = request.decimalParam("recvWindow").orElse(DEFAULT_RECV_WINDOW);
    if (recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
      throw BinanceError.badRequest(-1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
    }
    BigDecimal sent = timestamp >= MICROSECOND_TIMESTAMPS_FROM
        ? BigDecimal.valueOf(timestamp).movePointLeft(3) : BigDecimal.valueOf(timestamp);
    BigDecimal serverTime = BigDecimal.valueOf(clock.millis());
    if (sent.compareTo(serverTime.add(BigDecimal.valueOf(AHEAD_TOLERANCE_MS))) >= 0) {
      throw BinanceError.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }
    if (serverTime.subtract(sent).compareTo(recvWindow) > 0) {
      throw BinanceError.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
    }
  }
}
