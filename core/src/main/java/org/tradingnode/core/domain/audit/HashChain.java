package org.tradingnode.core.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evident chain of one entity's events: each link is SHA-256 over the previous link's hash,
 * the event's manifest and the event's canonical bytes (its serialized form exactly as stored). The
 * first event chains from {@link #GENESIS}. Hashes are 64 lower-case hex characters.
 */
public final class HashChain {
  /** The hash the first event of every entity chains from: 32 zero bytes. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private HashChain() {}

  /** The hash of the link that follows {@code previousHash} for an event with these bytes. */
  public static String next(String previousHash, String manifest, byte[] canonicalBytes) {
    MessageDigest digest = sha256();
    digest.update(HEX.parseHex(previousHash));
    digest.update(manifest.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(canonicalBytes);
    return HEX.formatHex(digest.digest());
  }

  /** Whether {@code hash} has the form of a chain hash. */
  public static boolean isHash(String hash) {
    return hash != null && hash.length() == 64 && hash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
