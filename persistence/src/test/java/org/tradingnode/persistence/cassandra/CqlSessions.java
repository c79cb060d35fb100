package org.tradingnode.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.time.Duration;

/** Driver sessions against a local node, patient enough for schema changes on a busy machine. */
final class CqlSessions {
  private CqlSessions() {}

  static CqlSession connect(LocalCassandra node) {
    return CqlSession.builder()
        .addContactPoint(node.contactPoint())
        .withLocalDatacenter("datacenter1")
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            .build())
        .build();
  }
}
