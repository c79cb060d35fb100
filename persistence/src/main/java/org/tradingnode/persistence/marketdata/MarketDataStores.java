package org.tradingnode.persistence.marketdata;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.tradingnode.persistence.JournalProfile;

/**
 * The market data store that goes with the node's persistence profile: files under
 * {@code <trading.data-dir>/market-data} with the embedded journal ({@code jdbc-journal}), the
 * Cassandra table with the Cassandra journal, none with any other journal.
 */
public final class MarketDataStores {
  private MarketDataStores() {}

  public static Optional<MarketDataStore> forProfile(ActorSystem<?> system) {
    Config config = system.settings().config();
    return JournalProfile.find(config).map(profile -> switch (profile) {
      case EMBEDDED -> FileMarketDataStore.create(system,
          Path.of(config.getString("trading.data-dir")).resolve("market-data"));
      case CASSANDRA -> CassandraMarketDataStore.create(system, CassandraMarketDataSettings.from(config));
    });
  }
}
