package org.tradingnode.core.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashChainTest {

  @Test
  void theFirstLinkIsSha256OfGenesisManifestSeparatorAndBytes() {
    // 32 zero bytes, "M", a zero byte, "abc": printf '\0%.0s' {1..32} > in; printf 'M\0abc' >> in; sha256sum in
    assertEquals("f4013b7c565096b5a5bd9294bec5b14278f429547501cfa058d78e8877fc712e",
        HashChain.next(HashChain.GENESIS, "M", "abc".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anyChangeInPreviousHashManifestOrBytesChangesTheLink() {
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    String link = HashChain.next(HashChain.GENESIS, "M", bytes);
    assertNotEquals(link, HashChain.next(link, "M", bytes));
    assertNotEquals(link, HashChain.next(HashChain.GENESIS, "N", bytes));
    assertNotEquals(link, HashChain.next(HashChain.GENESIS, "M", "abd".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(link, HashChain.next(HashChain.GENESIS, "Ma", "bc".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void onlySixtyFourHexCharactersAreAHash() {
    assertTrue(HashChain.isHash(HashChain.GENESIS));
    assertFalse(HashChain.isHash("abc"));
    assertFalse(HashChain.isHash("g".repeat(64)));
    assertFalse(HashChain.isHash(null));
  }
}
