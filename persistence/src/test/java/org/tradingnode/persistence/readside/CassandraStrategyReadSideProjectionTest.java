package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;

/** The projection on the cassandra profile: journal and read side tables in a real Cassandra node. */
class CassandraStrategyReadSideProjectionTest extends StrategyReadSideProjectionContract {

  @Override
  Config freshProfile() {
    return CassandraProfile.config("read_side");
  }
}
