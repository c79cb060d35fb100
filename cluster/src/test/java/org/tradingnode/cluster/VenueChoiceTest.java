package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/** VENUE and its settings: a misconfigured venue stops the node with a message that names what is missing. */
class VenueChoiceTest {
  private static Config venue(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.parseString(
        "kind = paper, account = main, url = \"\", stream-url = \"\", api-key = \"\", api-secret = \"\", key-file = \"\", "
            + "user-stream = ws-api, ws-api-url = \"\""));
  }

  @Test
  void paperIsTheDefaultAndHasNoVenueConnection() {
    VenueChoice choice = VenueChoice.from(venue(""));

    assertTrue(choice.binance().isEmpty());
    assertTrue(choice.connectionId().isEmpty());
  }

  @Test
  void binanceDerivesTheStreamAddressAndNeverShowsTheSecret() {
    VenueChoice choice = VenueChoice.from(venue(
        "kind = binance, url = \"http://127.0.0.1:9100/\", api-key = abcdefgh, api-secret = s3cr3t-value"));

    var settings = choice.binance().orElseThrow();
    assertEquals("http://127.0.0.1:9100", settings.baseUrl());
    assertEquals("ws://127.0.0.1:9100", settings.streamUrl());
    assertEquals(BinanceVenueSettings.UserStream.WS_API, settings.userStream());
    assertEquals("ws://127.0.0.1:9100/ws-api/v3", settings.wsApiUrl());
    assertEquals("binance:main", choice.connectionId().orElseThrow());
    assertFalse(choice.toString().contains("s3cr3t-value"));
    assertFalse(choice.toString().contains("abcdefgh"));
  }

  @Test
  void keysMayComeFromAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("keys.conf"), "api-key = fileKey\napi-secret = fileSecret\n");

    VenueChoice choice = VenueChoice.from(venue("kind = binance, url = \"https://testnet.binance.vision\", "
        + "key-file = \"" + file + "\""));

    assertEquals("fileKey", choice.binance().orElseThrow().credentials().apiKey());
  }

  @Test
  void binanceTestnetAndProductionGetTheirOwnStreamAndWebSocketApiAddresses() {
    var testnet = VenueChoice.from(venue("kind = binance, url = \"https://testnet.binance.vision\", api-key = k, "
        + "api-secret = s")).binance().orElseThrow();
    var production = VenueChoice.from(venue("kind = binance, url = \"https://api.binance.com\", api-key = k, "
        + "api-secret = s")).binance().orElseThrow();

    assertEquals("wss://stream.testnet.binance.vision", testnet.streamUrl());
    assertEquals("wss://ws-api.testnet.binance.vision/ws-api/v3", testnet.wsApiUrl());
    assertEquals("wss://stream.binance.com:9443", production.streamUrl());
    assertEquals("wss://ws-api.binance.com:443/ws-api/v3", production.wsApiUrl());
  }

  @Test
  void theListenKeyUserStreamCanBeChosen() {
    var settings = VenueChoice.from(venue("kind = binance, url = \"http://127.0.0.1:9100\", api-key = k, "
        + "api-secret = s, user-stream = listen-key")).binance().orElseThrow();

    assertEquals(BinanceVenueSettings.UserStream.LISTEN_KEY, settings.userStream());
    var unknown = assertThrows(IllegalArgumentException.class, () -> VenueChoice.from(venue(
        "kind = binance, url = \"http://127.0.0.1:9100\", api-key = k, api-secret = s, user-stream = carrier-pigeon")));
    assertTrue(unknown.getMessage().contains("VENUE_USER_STREAM"));
  }

  @Test
  void misconfigurationNamesWhatIsMissing() {
    var unknown = assertThrows(IllegalArgumentException.class, () -> VenueChoice.from(venue("kind = kraken")));
    assertTrue(unknown.getMessage().contains("known: paper, binance"));
    var noUrl = assertThrows(IllegalArgumentException.class, () -> VenueChoice.from(venue("kind = binance")));
    assertTrue(noUrl.getMessage().contains("VENUE_URL"));
    var noKeys = assertThrows(IllegalArgumentException.class,
        () -> VenueChoice.from(venue("kind = binance, url = \"http://127.0.0.1:1\"")));
    assertTrue(noKeys.getMessage().contains("VENUE_API_KEY"));
  }
}
