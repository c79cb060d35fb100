package org.tradingnode.persistence.marketdata;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The market data store that goes with the node's persistence profile: files under
 * {@code <trading.data-dir>/market-data} with the embedded journal ({@code jdbc-journal}), the
 * Cassandra table with the Cassandra journal, none with any other journal.
 */
public final class MarketDataStores {
  static final String EMBEDDED_JOURNAL = "jdbc-journal";
  static final String CASSANDRA_JOURNAL = "pekko.persistence.cassandra.journal";

  private MarketDataStores() {}

  public static Optional<MarketDataStore> forProfile(ActorSystem<?> system) {
    Config config = system.settings().config();
    String journal = config.getString("pekko.persistence.journal.plugin");
    if (journal.equals(EMBEDDED_JOURNAL)) {
      Path root = Path.of(config.getString("trading.data-dir")).resolve("market-data");
      return Optional.of(FileMarketDataStore.create(system, root));
    }
    if (journal.equals(CASSANDRA_JOURNAL)) {
      return Optional.of(CassandraMarketDataStore.create(system, CassandraMarketDataSettings.from(config)));
    }
    return Optional.empty();
  }
}
