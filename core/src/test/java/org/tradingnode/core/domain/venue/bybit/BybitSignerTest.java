package org.tradingnode.core.domain.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.testing.SharedData;

class BybitSignerTest {
  /** An arbitrary secret for the HMAC checks below; the docs never publish the one behind their examples. */
  private static final String SECRET = "node-test-secret";
  private static final String DOCUMENTED_GET_PRE_HASH =
      "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C";

  @Test
  void preHashOfEachDocumentedRequestMatchesTheDocumentedString() throws IOException {
    JsonNode examples = new ObjectMapper()
        .readTree(SharedData.file("signing/bybit_v5_signing_examples.json").toFile()).path("examples");
    assertEquals(2, examples.size());

    for (JsonNode example : examples) {
      String payload = example.path("method").asText().equals("GET")
          ? example.path("queryString").asText()
          : example.path("jsonBodyString").asText();

      String preHash = BybitSigner.preHash(example.path("timestamp").asLong(), example.path("api_key").asText(),
          example.path("recv_window").asLong(), payload);

      assertEquals(example.path("expected_prehash").asText(), preHash, example.path("method").asText());
    }
  }

  @Test
  void signatureIsTheHexHmacSha256OfThePreHash() {
    BybitSigner signer = new BybitSigner("XXXXXXXXXX", SECRET);

    // Expected value computed independently:
    // printf '%s' '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C' \
    //   | openssl dgst -sha256 -hmac 'node-test-secret'
    assertEquals("d88a4ed1fb0768be8f3537820f29d08f031083ed7e14a0d3b6c46b6d91c7507b",
        signer.sign(DOCUMENTED_GET_PRE_HASH));
  }

  @Test
  void signatureMatchesRfc4231TestCase2() {
    // RFC 4231, section 4.3: key "Jefe", data "what do ya want for nothing?", HMAC-SHA-256
    BybitSigner signer = new BybitSigner("any-key", "Jefe");

    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        signer.sign("what do ya want for nothing?"));
  }

  @Test
  void headersCarryKeyTimestampRecvWindowAndTheSignatureOfThePreHash() {
    BybitSigner signer = new BybitSigner("XXXXXXXXXX", SECRET);

    Map<String, String> headers = signer.headers(1658384314791L, 5000, "category=option&symbol=BTC-29JUL22-25000-C");

    assertEquals(Map.of(
        "X-BAPI-API-KEY", "XXXXXXXXXX",
        "X-BAPI-TIMESTAMP", "1658384314791",
        "X-BAPI-RECV-WINDOW", "5000",
        "X-BAPI-SIGN", "d88a4ed1fb0768be8f3537820f29d08f031083ed7e14a0d3b6c46b6d91c7507b"), headers);
  }

  @Test
  void webSocketAuthSignsGetRealtimeFollowedByExpires() {
    BybitSigner signer = new BybitSigner("api_key", SECRET);
    // expires as in the documented auth request (docs/v5/websocket/wss-authentication.mdx)
    long expires = 1662350400000L;

    // Expected value computed independently:
    // printf '%s' 'GET/realtime1662350400000' | openssl dgst -sha256 -hmac 'node-test-secret'
    String signature = "6c73fc7e99eed0f68cbe2718677a8d9398fce2b0c3aa1152632f1d1eb940aca0";
    assertEquals(signature, signer.webSocketSignature(expires));
    assertEquals("{\"op\":\"auth\",\"args\":[\"api_key\",1662350400000,\"" + signature + "\"]}",
        signer.webSocketAuthRequest(expires));
  }

  @Test
  void aBlankKeyOrAnEmptySecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BybitSigner(" ", SECRET));
    assertThrows(IllegalArgumentException.class, () -> new BybitSigner("key", ""));
  }
}
