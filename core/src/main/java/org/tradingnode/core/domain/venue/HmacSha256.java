package org.tradingnode.core.domain.venue;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 most venues sign requests with: a secret key held here (never shown by
 * {@link #toString()}) and the lower-case hex digest of a UTF-8 message.
 */
public final class HmacSha256 {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public HmacSha256(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the secret is empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String hex(String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "HmacSha256[secret=***]";
  }
}
