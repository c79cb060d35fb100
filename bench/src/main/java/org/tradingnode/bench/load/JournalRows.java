package org.tradingnode.bench.load;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.tradingnode.persistence.JournalProfile;

/** Counts the rows of the node's event journal in its own database, H2 or Cassandra. */
final class JournalRows {
  private JournalRows() {}

  static long count(ActorSystem<?> system, Config config) {
    if (JournalProfile.of(config) == JournalProfile.EMBEDDED) {
      return countH2(config.getString("pekko-persistence-jdbc.shared-databases.trading.db.url"));
    }
    return countCassandra(system, config.getString("pekko.persistence.cassandra.journal.keyspace"));
  }

  /**
   * The sum over every entity of its highest sequence number (events are never deleted): a full-table
   * COUNT(*) times out on a loaded single node. Entities stay below the journal's 500,000 events per
   * partition here, so partition 0 holds each one's last event.
   */
  private static long countCassandra(ActorSystem<?> system, String keyspace) {
    CassandraSession session = CassandraSessionRegistry.get(system)
        .sessionFor(CassandraSessionSettings.create("pekko.persistence.cassandra"));
    String last = "SELECT sequence_nr FROM " + keyspace + ".messages WHERE persistence_id = ? AND partition_nr = 0 "
        + "ORDER BY sequence_nr DESC LIMIT 1";
    return session.select("SELECT persistence_id FROM " + keyspace + ".all_persistence_ids")
        .map(row -> row.getString(0))
        .mapAsyncUnordered(16, pid -> session.selectOne(last, pid))
        .runFold(0L, (sum, row) -> sum + row.map(r -> r.getLong(0)).orElse(0L), system)
        .toCompletableFuture().join();
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
