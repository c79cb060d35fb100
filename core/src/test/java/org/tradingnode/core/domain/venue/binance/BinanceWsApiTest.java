package org.tradingnode.core.domain.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BinanceWsApiTest {
  @Test
  void theUserDataSubscriptionIsSignedOverItsParametersSortedByName() throws Exception {
    BinanceSigner signer = new BinanceSigner("secret");

    JsonNode request = new ObjectMapper().readTree(
        BinanceWsApi.userDataSubscription(9, "key123", 5000, 1700000000000L, signer));

    assertEquals(9, request.path("id").asLong());
    assertEquals("userDataStream.subscribe.signature", request.path("method").asText());
    assertEquals("key123", request.path("params").path("apiKey").asText());
    assertEquals(1700000000000L, request.path("params").path("timestamp").asLong());
    assertEquals(signer.sign("apiKey=key123&recvWindow=5000&timestamp=1700000000000"),
        request.path("params").path("signature").asText());
  }
}
