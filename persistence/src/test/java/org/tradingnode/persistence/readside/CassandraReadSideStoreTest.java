package org.tradingnode.persistence.readside;

import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.Offset;
import org.tradingnode.persistence.JournalProfile;

/**
 * The store contract on a real Cassandra node, keyspace of its own per test: no transaction, so a batch
 * that died halfway left its first writes behind.
 */
class CassandraReadSideStoreTest extends ReadSideStoreContract {
  private static final long FIRST_OFFSET_TIME = 1_767_225_600_000L;
  private ActorTestKit kit;

  @Override
  ReadSideStore openStore() {
    kit = ActorTestKit.create(ConfigFactory.load(ConfigFactory.parseString("""
        pekko.actor.provider = local
        pekko.loglevel = WARNING
        pekko.coordinated-shutdown.exit-jvm = off
        """).withFallback(CassandraProfile.config("read_side_store"))));
    return ReadSide.openStore(kit.system(), JournalProfile.CASSANDRA);
  }

  @Override
  void closeStore() {
    kit.shutdownTestKit();
  }

  @Override
  Offset offsetOf(int n) {
    return Offset.timeBasedUUID(Uuids.startOf(FIRST_OFFSET_TIME + n));
  }
}
