package org.tradingnode.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tradingnode.core.venue.binance.BinanceCredentials;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * Which venue the node trades on besides the paper exchange: none ({@code VENUE=paper}, the
 * default) or a Binance-protocol venue ({@code VENUE=binance}: the simulator, Binance testnet or
 * production at {@code VENUE_URL}) for one account. Keys come from {@code VENUE_API_KEY} and
 * {@code VENUE_API_SECRET} or a key file ({@code api-key = ...}, {@code api-secret = ...}); they are
 * checked here so a misconfigured node refuses to start with a clear message, and never printed.
 */
public record VenueChoice(String kind, String account, Optional<BinanceVenueSettings> binance) {

  public static final String BINANCE = "binance";

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
    String streamUrl = venue.getString("stream-url");
    if (streamUrl.isBlank()) {
      streamUrl = url.replaceFirst("^http", "ws");
    }
    return new VenueChoice(kind, account, Optional.of(BinanceVenueSettings.of(url, streamUrl, credentials(venue))));
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
