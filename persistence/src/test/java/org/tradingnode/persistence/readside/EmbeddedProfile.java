package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.tradingnode.persistence.EmbeddedJournalSchema;

/**
 * The embedded profile as conf/embedded.conf sets it up (H2 file with durable commits, shared by journal,
 * snapshots, query journal and read side), on a test's data directory, with the journal's tables created
 * as the node creates them.
 */
final class EmbeddedProfile {
  private EmbeddedProfile() {}

  static String jdbcUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("journal").resolve("trading") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  static Config config(Path dataDir) {
    String url = jdbcUrl(dataDir);
    EmbeddedJournalSchema.ensure(url, "sa", "");
    return ConfigFactory.parseString("""
        pekko.persistence.journal.plugin = "jdbc-journal"
        pekko.persistence.snapshot-store.plugin = "jdbc-snapshot-store"
        jdbc-journal.use-shared-db = "trading"
        jdbc-snapshot-store.use-shared-db = "trading"
        jdbc-read-journal.use-shared-db = "trading"
        jdbc-read-journal.refresh-interval = 200ms
        jdbc-read-journal.journal-sequence-retrieval.query-delay = 200ms
        pekko-persistence-jdbc.shared-databases.trading {
          profile = "slick.jdbc.H2Profile$"
          db {
            url = "%s"
            user = "sa"
            password = ""
            driver = "org.h2.Driver"
            connectionPool = "HikariCP"
            numThreads = 2
            maxConnections = 2
            minConnections = 1
          }
        }
        """.formatted(url));
  }
}
