package org.tradingnode.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.tradingnode.persistence.StoredEventEdits;
import org.tradingnode.persistence.cassandra.LocalCassandra;
import org.tradingnode.persistence.cassandra.TestCassandra;
import org.tradingnode.persistence.marketdata.CassandraMarketDataSettings;
import org.tradingnode.persistence.marketdata.CassandraMarketDataStore;
import org.tradingnode.persistence.marketdata.MarketDataStore;

/**
 * The end-to-end scenario on the cassandra profile: the node's journal, snapshots and queries in a real
 * Cassandra node (keyspaces of its own), market data recorded in the same node; the stored event is
 * edited with CQL while the node runs.
 */
class NodeEndToEndOnCassandraTest extends NodeEndToEndContract {
  private LocalCassandra cassandra;
  private String keyspacePrefix;
  private CqlSession reader;

  @Override
  Map<String, String> journalEnv() {
    cassandra = TestCassandra.shared();
    keyspacePrefix = TestCassandra.freshKeyspacePrefix("e2e");
    return Map.of("PERSISTENCE", "cassandra",
        "CASSANDRA_CONTACT_POINTS", cassandra.contactPoint().getHostString() + ":" + cassandra.contactPoint().getPort(),
        "CASSANDRA_KEYSPACE", keyspacePrefix);
  }

  @Override
  void editStoredEvent(Path dataDir, String persistenceId, long sequenceNumber, String original,
      String replacement) {
    try (CqlSession session = CqlSession.builder().addContactPoint(cassandra.contactPoint())
        .withLocalDatacenter("datacenter1").build()) {
      StoredEventEdits.onCassandra(session, keyspacePrefix + "_journal", persistenceId, sequenceNumber, original,
          replacement);
    }
  }

  @Override
  boolean editNeedsNodeStopped() {
    return false;
  }

  @Override
  MarketDataStore recordedMarketData(ActorSystem<?> system, Path dataDir) {
    reader = CqlSession.builder().addContactPoint(cassandra.contactPoint()).withLocalDatacenter("datacenter1").build();
    return new CassandraMarketDataStore(system, () -> CompletableFuture.completedFuture(reader),
        new CassandraMarketDataSettings(keyspacePrefix, false, 1, 1, 1), Clock.systemUTC());
  }

  @AfterAll
  void closeReader() {
    if (reader != null) {
      reader.close();
    }
  }
}
