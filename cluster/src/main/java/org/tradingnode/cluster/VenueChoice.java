package org.tradingnode.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tradingnode.core.venue.binance.BinanceCredentials;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * Which venue the node trades on besides the paper exchange: none ({@code VENUE=paper}, the
 * default) or a Binance-protocol venue ({@code VENUE=binance}: the simulator, Binance testnet or
 * production at {@code VENUE_URL}) for one account. The user data stream comes from the
 * WebSocket API ({@code VENUE_WS_API_URL}, by default {@code <stream URL>/ws-api/v3}; Binance's
 * production and testnet addresses are known) or, with
 * {@code VENUE_USER_STREAM=listen-key}, from a REST listen key. Keys come from {@code VENUE_API_KEY} and
 * {@code VENUE_API_SECRET} or a key file ({@code api-key = ...}, {@code api-secret = ...}); they are
 * checked here so a misconfigured node refuses to start with a clear message, and never printed.
 */
public record VenueChoice(String kind, String account, Optional<BinanceVenueSettings> binance) {

  public static final String BINANCE = "binance";

  /** Stream and WebSocket API addresses of Binance's own REST hosts, used when not set. */
  private static final Map<String, String[]> KNOWN_HOSTS = Map.of(
      "api.binance.com", new String[] {"wss://stream.binance.com:9443", "wss://ws-api.binance.com:443/ws-api/v3"},
      "testnet.binance.vision", new String[] {"wss://stream.testnet.binance.vision",
          "wss://ws-api.testnet.binance.vision/ws-api/v3"});

  public static VenueChoice from(Config venue) {
    String kind = venue.getString("kind");
    String account = venue.getString("account");
    if ("paper".equals(kind)) {
      return new VenueChoice(kind, account, Optional.empty());
    }
    if (!BINANCE.equals(kind)) {
      throw new IllegalArgumentException("VENUE=" + kind + " is not a known venue (known: paper, binance)");
    }
    String url = venue.getString("url");
    if (url.isBlank() || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("VENUE=binance needs VENUE_URL, the REST base URL (http:// or https://)");
    }
    String host = url.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
    String[] known = KNOWN_HOSTS.getOrDefault(host, new String[] {"", ""});
    String streamUrl = venue.getString("stream-url");
    if (streamUrl.isBlank()) {
      streamUrl = known[0].isEmpty() ? url.replaceFirst("^http", "ws") : known[0];
    }
    BinanceVenueSettings settings = BinanceVenueSettings.of(url, streamUrl, credentials(venue));
    String userStream = venue.getString("user-stream");
    String wsApiUrl = venue.getString("ws-api-url").isBlank() ? known[1] : venue.getString("ws-api-url");
    return new VenueChoice(kind, account, Optional.of(switch (userStream) {
      case "ws-api" -> wsApiUrl.isBlank() ? settings
          : settings.withUserStream(BinanceVenueSettings.UserStream.WS_API, wsApiUrl);
      case "listen-key" -> settings.withUserStream(BinanceVenueSettings.UserStream.LISTEN_KEY, settings.wsApiUrl());
      default -> throw new IllegalArgumentException("VENUE_USER_STREAM=" + userStream
          + " is not known (known: ws-api, listen-key)");
    }));
  }

  private static BinanceCredentials credentials(Config venue) {
    String key = venue.getString("api-key");
    String secret = venue.getString("api-secret");
    String keyFile = venue.getString("key-file");
    if (!keyFile.isBlank()) {
      Path file = Path.of(keyFile);
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("VENUE_KEY_FILE " + file.toAbsolutePath() + " is not a readable file");
      }
      Config keys = ConfigFactory.parseFile(file.toFile());
      key = keys.hasPath("api-key") ? keys.getString("api-key") : key;
      secret = keys.hasPath("api-secret") ? keys.getString("api-secret") : secret;
    }
    if (key.isBlank() || secret.isBlank()) {
      throw new IllegalArgumentException("VENUE=binance needs VENUE_API_KEY and VENUE_API_SECRET (or VENUE_KEY_FILE)");
    }
    return new BinanceCredentials(key, secret);
  }

  /** {@code binance:<account>}, or empty on paper only. */
  public Optional<String> connectionId() {
    return binance.map(b -> kind + ":" + account);
  }
}
