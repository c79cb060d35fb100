package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documentation's own signed requests (its example keys, its timestamp, its signatures) are
 * accepted as they are sent, with an account and symbols set up through the config-file format.
 */
class BinanceSimulatorSignedExampleTest {
  private static JsonNode vectors;
  private static SimulatorFixture venue;

  @BeforeAll
  static void start() throws Exception {
    vectors = SimulatorClient.JSON.readTree(
        Path.of(System.getProperty("shared.data.dir"), "signing", "binance_spot_signing_vectors.json").toFile());
    JsonNode keys = vectors.path("credentials");
    SimulatorSettings settings = SimulatorSettings.from(ConfigFactory.parseString("""
        venue-simulator {
          accounts = [ { name = "docs", api-key = "%s", api-secret = "%s", balances { BTC = "10" } } ]
          instruments = [
            { symbol = "LTCBTC", base = "LTC", quote = "BTC", tick-size = "0.000001", lot-size = "0.001",
              min-notional = "0.0001", start-price = 0.1 }
            { symbol = "１２３４５６", base = "１２３", quote = "BTC", tick-size = "0.000001", lot-size = "0.001",
              min-notional = "0.0001", start-price = 0.1 }
          ]
        }
        """.formatted(keys.path("apiKey").asText(), keys.path("secretKey").asText())));
    venue = SimulatorFixture.start(settings, Instant.ofEpochMilli(1499827319559L));
  }

  @AfterAll
  static void stop() {
    venue.close();
  }

  @Test
  void theDocumentedAsciiRequestIsAccepted() throws Exception {
    SimulatorClient.Answer answer = sendDocumented(vectors.path("hmac_vectors").path(0));

    assertEquals(200, answer.status(), answer.body().toString());
    assertEquals("LTCBTC", answer.body().path("symbol").asText());
  }

  @Test
  void theDocumentedPercentEncodedRequestIsAccepted() throws Exception {
    SimulatorClient.Answer answer = sendDocumented(vectors.path("hmac_vectors").path(1));

    assertEquals(200, answer.status(), answer.body().toString());
    assertEquals("１２３４５６", answer.body().path("symbol").asText());
  }

  private static SimulatorClient.Answer sendDocumented(JsonNode vector) throws Exception {
    String query = vector.path("signature_payload").asText() + "&signature="
        + vector.path("expected_signature_hex").asText();
    return venue.client.send("POST", "/api/v3/order?" + query, "",
        vectors.path("credentials").path("apiKey").asText());
  }
}
