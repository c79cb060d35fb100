package org.tradingnode.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.util.Map;
import org.tradingnode.persistence.StoredEventEdits;
import org.tradingnode.persistence.cassandra.LocalCassandra;
import org.tradingnode.persistence.cassandra.TestCassandra;

/**
 * The end-to-end scenario on the cassandra profile: the node's journal, snapshots and queries in a real
 * Cassandra node (keyspaces of its own); the stored event is edited with CQL while the node runs.
 */
class NodeEndToEndOnCassandraTest extends NodeEndToEndContract {
  private LocalCassandra cassandra;
  private String keyspacePrefix;

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
}
