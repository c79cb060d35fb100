package org.tradingnode.core.domain.venue.binance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.tradingnode.core.domain.venue.HmacSha256;

/**
 * Signs Binance SIGNED requests: HMAC-SHA256 of the percent-encoded payload with the account's
 * secret key, lower-case hex. The secret never leaves this object, not even through
 * {@link #toString()}.
 */
public final class BinanceSigner {
  private final HmacSha256 hmac;

  public BinanceSigner(String secretKey) {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("the API secret is empty");
    }
    this.hmac = new HmacSha256(secretKey);
  }

  /** The hex signature of a payload, e.g. {@code symbol=LTCBTC&side=BUY&...&timestamp=...}. */
  public String sign(String payload) {
    return hmac.hex(payload);
  }

  /** The query with {@code signature} appended, signed over everything before it. */
  public BinanceQuery signed(BinanceQuery query) {
    return query.with("signature", sign(query.encoded()));
  }

  /** Whether a received signature (hex, any case) matches, compared in constant time. */
  public boolean verifies(String payload, String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  @Override
  public String toString() {
    return "BinanceSigner[secret=***]";
  }
}
