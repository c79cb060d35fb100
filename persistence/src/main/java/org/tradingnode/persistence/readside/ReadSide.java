package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByTagQuery;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.persistence.JournalProfile;

/**
 * The strategies' read side on a node: opens the store the journal profile calls for (H2 beside the
 * embedded journal, Cassandra beside the Cassandra journal), runs one {@link TagProjection} per
 * Strategy tag as a sharded daemon process, so that each tag is projected by exactly one node of the
 * cluster, and answers queries from the store on every node.
 */
public final class ReadSide {
  private static final String PROCESS_NAME = "strategy-read-side";

  private ReadSide() {}

  public static ReadSideQueries start(ActorSystem<?> system, InstrumentCatalog catalog) {
    Config config = system.settings().config();
    JournalProfile profile = JournalProfile.of(config);
    ReadSideStore store = openStore(system, profile);
    EventsByTagQuery journal = PersistenceQuery.get(system)
        .getReadJournalFor(EventsByTagQuery.class, profile.readJournalPluginId());
    StrategyEventProjector projector = new StrategyEventProjector(catalog);
    ReadSideSettings settings = ReadSideSettings.from(config.getConfig("trading.read-side"));
    ShardedDaemonProcess.get(system).init(TagProjection.Command.class, PROCESS_NAME, EventTags.SLICES,
        slice -> TagProjection.create(EventTags.sliceTag(StrategyEntity.TYPE_KEY.name(), slice), journal, store,
            projector, settings),
        ShardedDaemonProcessSettings.create(system), Optional.of(TagProjection.Stop.INSTANCE));
    return store;
  }

  /** How far the strategies' read side is behind the journal of the node's profile. */
  public static ReadSideFreshness freshness(ActorSystem<?> system, ReadSideQueries readSide) {
    CurrentEventsByTagQuery journal = PersistenceQuery.get(system).getReadJournalFor(CurrentEventsByTagQuery.class,
        JournalProfile.of(system.settings().config()).readJournalPluginId());
    List<String> tags = IntStream.range(0, EventTags.SLICES)
        .mapToObj(slice -> EventTags.sliceTag(StrategyEntity.TYPE_KEY.name(), slice)).toList();
    return new ReadSideFreshness(system, journal, readSide, tags);
  }

  /**
   * The store of the profile, its tables created when missing (on Cassandra only with auto-create): on
   * the embedded profile the H2 file {@code trading.read-side.h2} (the journal's database without it).
   */
  public static ReadSideStore openStore(ActorSystem<?> system, JournalProfile profile) {
    Config config = system.settings().config();
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    if (profile == JournalProfile.EMBEDDED) {
      Config db = config.hasPath("trading.read-side.h2") ? config.getConfig("trading.read-side.h2")
          : config.getConfig("pekko-persistence-jdbc.shared-databases.trading.db");
      H2ReadSideStore store = H2ReadSideStore.open(db.getString("url"), db.getString("user"),
          db.getString("password"), blocking);
      // Closed before the actor system terminates, not when it has: the JVM may exit before a callback on
      // its termination runs, and the file would then miss its close (and the compaction H2 does then).
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
          "close-read-side-store", () -> CompletableFuture.supplyAsync(() -> {
            store.close();
            return Done.getInstance();
          }, blocking));
      return store;
    }
    Config cassandra = config.getConfig("trading.cassandra");
    return CassandraReadSideStore.open(system, new CassandraReadSideSchema(cassandra.getString("keyspace"),
        cassandra.getInt("replication-factor")), cassandra.getBoolean("auto-create"), blocking);
  }
}
