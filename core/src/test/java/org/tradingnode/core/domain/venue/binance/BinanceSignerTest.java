package org.tradingnode.core.domain.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.testing.SharedData;

/**
 * The official HMAC vectors of the Binance spot API docs (rest-api.md "SIGNED Endpoint Examples for
 * POST /api/v3/order", web-socket-api.md "SIGNED request example (HMAC)"), read from
 * signing/binance_spot_signing_vectors.json.
 */
class BinanceSignerTest {
  private static final JsonNode VECTORS = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(SharedData.file("signing/binance_spot_signing_vectors.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BinanceSigner signer() {
    return new BinanceSigner(VECTORS.path("credentials").path("secretKey").asText());
  }

  private static BinanceQuery restQuery(JsonNode vector) {
    BinanceQuery query = BinanceQuery.empty();
    for (JsonNode pair : vector.path("params_in_order")) {
      query = query.with(pair.get(0).asText(), pair.get(1).asText());
    }
    return query;
  }

  @Test
  void restOrderWithAsciiSymbolSignsToTheDocumentedSignature() {
    JsonNode vector = VECTORS.path("hmac_vectors").get(0);
    BinanceQuery query = restQuery(vector);

    assertEquals(vector.path("signature_payload").asText(), query.encoded());
    assertEquals(vector.path("expected_signature_hex").asText(), signer().sign(query.encoded()));
  }

  @Test
  void nonAsciiSymbolIsPercentEncodedBeforeSigning() {
    JsonNode vector = VECTORS.path("hmac_vectors").get(1);
    BinanceQuery query = restQuery(vector);

    assertEquals(vector.path("signature_payload").asText(), query.encoded());
    assertEquals(vector.path("expected_signature_hex").asText(), signer().sign(query.encoded()));
  }

  @Test
  void webSocketApiPayloadsSignToTheDocumentedSignatures() {
    for (int i = 2; i < 4; i++) {
      JsonNode vector = VECTORS.path("hmac_vectors").get(i);
      Map<String, String> sorted = new TreeMap<>();
      vector.path("request_params").properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
      StringBuilder payload = new StringBuilder();
      sorted.forEach((k, v) -> payload.append(payload.length() == 0 ? "" : "&").append(k).append('=').append(v));

      assertEquals(vector.path("signature_payload").asText(), payload.toString(), vector.path("name").asText());
      assertEquals(vector.path("expected_signature_hex").asText(), signer().sign(payload.toString()));
    }
  }

  @Test
  void signedQueryAppendsTheSignatureAndVerifiesInAnyCase() {
    JsonNode vector = VECTORS.path("hmac_vectors").get(0);
    BinanceQuery signed = signer().signed(restQuery(vector));
    String expected = vector.path("expected_signature_hex").asText();

    assertEquals(vector.path("signature_payload").asText() + "&signature=" + expected, signed.encoded());
    assertTrue(signer().verifies(vector.path("signature_payload").asText(), expected.toUpperCase()));
    assertFalse(signer().verifies(vector.path("signature_payload").asText() + "0", expected));
    assertFalse(signer().verifies(vector.path("signature_payload").asText(), null));
  }

  @Test
  void receivedQueryIsDecodedBackToItsParameters() {
    JsonNode vector = VECTORS.path("hmac_vectors").get(1);
    BinanceQuery parsed = BinanceQuery.parse(vector.path("signature_payload").asText());

    assertEquals(restQuery(vector).params(), parsed.params());
    assertEquals("a b", BinanceQuery.parse("x=a+b").get("x").orElseThrow());
    assertEquals("%zz", BinanceQuery.parse("x=%zz").get("x").orElseThrow());
  }

  @Test
  void theSecretNeverShowsInText() {
    String secret = VECTORS.path("credentials").path("secretKey").asText();

    assertFalse(signer().toString().contains(secret));
    assertThrows(IllegalArgumentException.class, () -> new BinanceSigner(" "));
  }
}
