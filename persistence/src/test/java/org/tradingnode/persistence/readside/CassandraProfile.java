package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.tradingnode.persistence.cassandra.LocalCassandra;
import org.tradingnode.persistence.cassandra.TestCassandra;

/**
 * The node's cassandra profile (conf/cassandra.conf) on the shared real test Cassandra node, in
 * keyspaces no other test uses: journal, snapshots and read side created by the node (auto-create).
 */
final class CassandraProfile {
  private CassandraProfile() {}

  static Config config(String purpose) {
    LocalCassandra node = TestCassandra.shared();
    return ConfigFactory.parseString("""
            trading.cassandra.keyspace-prefix = "%s"
            datastax-java-driver.basic.contact-points = ["%s:%d"]
            datastax-java-driver.basic.request.timeout = 30s
            datastax-java-driver.advanced.connection.init-query-timeout = 30s
            """.formatted(TestCassandra.freshKeyspacePrefix(purpose), node.contactPoint().getHostString(),
            node.contactPoint().getPort()))
        .withFallback(ConfigFactory.parseResourcesAnySyntax("cassandra"));
  }
}
