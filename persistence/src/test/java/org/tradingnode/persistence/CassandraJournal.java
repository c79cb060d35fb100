package org.tradingnode.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.tradingnode.persistence.cassandra.LocalCassandra;
import org.tradingnode.persistence.cassandra.TestCassandra;

/** The cassandra profile on the shared real test node, in keyspaces of its own; edits go through CQL. */
final class CassandraJournal implements JournalUnderTest {
  private final Config config;
  private final LocalCassandra node;
  private final String journalKeyspace;

  CassandraJournal(String purpose) {
    node = TestCassandra.shared();
    String prefix = TestCassandra.freshKeyspacePrefix(purpose);
    journalKeyspace = prefix + "_journal";
    config = NodeProfiles.load("cassandra", ConfigFactory.parseString("""
        trading.cassandra.keyspace-prefix = "%s"
        datastax-java-driver.basic.contact-points = ["%s:%d"]
        datastax-java-driver.basic.request.timeout = 30s
        datastax-java-driver.advanced.connection.init-query-timeout = 30s
        """.formatted(prefix, node.contactPoint().getHostString(), node.contactPoint().getPort())));
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public String readJournalPluginId() {
    return JournalProfile.CASSANDRA.readJournalPluginId();
  }

  @Override
  public void editStoredEvent(String persistenceId, long sequenceNumber, String original, String replacement) {
    try (CqlSession session = CqlSession.builder().addContactPoint(node.contactPoint())
        .withLocalDatacenter("datacenter1").build()) {
      StoredEventEdits.onCassandra(session, journalKeyspace, persistenceId, sequenceNumber, original, replacement);
    }
  }
}
