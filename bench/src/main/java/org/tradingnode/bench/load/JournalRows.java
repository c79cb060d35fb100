package org.tradingnode.bench.load;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/** Counts the rows of the node's event journal in its own database, H2 or Cassandra. */
final class JournalRows {
  private JournalRows() {}

  static long count(ActorSystem<?> system, Config config) {
    if (config.getString("pekko.persistence.journal.plugin").equals("jdbc-journal")) {
      return countH2(config.getString("pekko-persistence-jdbc.shared-databases.trading.db.url"));
    }
    String keyspace = config.getString("pekko.persistence.cassandra.journal.keyspace");
    return CassandraSessionRegistry.get(system)
        .sessionFor(CassandraSessionSettings.create("pekko.persistence.cassandra"))
        .selectOne(SimpleStatement.newInstance("SELECT COUNT(*) FROM " + keyspace + ".messages")
            .setTimeout(Duration.ofMinutes(2)))
        .toCompletableFuture().join().map(row -> row.getLong(0)).orElse(0L);
  }

  private static long countH2(String jdbcUrl) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PUBLIC.\"event_journal\"")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count journal rows: " + e.getMessage(), e);
    }
  }
}
