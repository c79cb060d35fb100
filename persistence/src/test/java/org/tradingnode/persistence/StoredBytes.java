package org.tradingnode.persistence;

import java.nio.charset.StandardCharsets;

/** Edits text inside stored binary records, keeping their length. */
final class StoredBytes {
  private StoredBytes() {}

  static byte[] replace(byte[] stored, String original, String replacement) {
    if (original.length() != replacement.length()) {
      throw new IllegalArgumentException("the edit must keep the length");
    }
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    if (!text.contains(original)) {
      throw new AssertionError("the stored event does not contain '" + original + "'");
    }
    return text.replace(original, replacement).getBytes(StandardCharsets.ISO_8859_1);
  }
}
