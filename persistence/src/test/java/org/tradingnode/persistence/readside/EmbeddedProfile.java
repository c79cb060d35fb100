package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.tradingnode.persistence.EmbeddedJournalSchema;

/**
 * The node's embedded profile (conf/embedded.conf: H2 file with durable commits shared by journal,
 * snapshots, query journal and read side) on a test's data directory, with the journal's tables
 * created as the node creates them.
 */
final class EmbeddedProfile {
  private EmbeddedProfile() {}

  static Config config(Path dataDir) {
    Config config = ConfigFactory.parseString("trading.data-dir = \"" + dataDir.toString().replace("\\", "/") + "\"")
        .withFallback(ConfigFactory.parseResourcesAnySyntax("embedded"));
    Config db = ConfigFactory.load(config).getConfig("pekko-persistence-jdbc.shared-databases.trading.db");
    EmbeddedJournalSchema.ensure(db.getString("url"), db.getString("user"), db.getString("password"));
    return config;
  }

  static String jdbcUrl(Config profile) {
    return ConfigFactory.load(profile).getString("pekko-persistence-jdbc.shared-databases.trading.db.url");
  }
}
