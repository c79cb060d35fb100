package org.tradingnode.cluster;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.persistence.EmbeddedJournalSchema;
import org.tradingnode.persistence.H2FileCompaction;
import org.tradingnode.persistence.JournalProfile;

/**
 * Starts a node in this JVM from a fully resolved config: prepares the embedded journal when that
 * profile is chosen (the cassandra profile creates its keyspaces itself when auto-create is on), reads the
 * settings and starts the actor system with the node's guardian; with the embedded profile it then keeps
 * the journal's and the read side's H2 files compacted ({@link H2FileCompaction}).
 * {@link Main} uses it with the built-in strategy types; embedding programs (the load driver) may
 * add their own types.
 */
public final class TradingNode {
  private TradingNode() {}

  public static ActorSystem<Void> start(Config config, StrategyTypes types) {
    JournalProfile profile = JournalProfile.of(config);
    if (profile == JournalProfile.EMBEDDED) {
      Config db = config.getConfig("pekko-persistence-jdbc.shared-databases.trading.db");
      EmbeddedJournalSchema.ensure(db.getString("url"), db.getString("user"), db.getString("password"));
    }
    NodeSettings settings = NodeSettings.from(config);
    ActorSystem<Void> system =
        ActorSystem.create(Guardian.create(settings, types, profile.readJournalPluginId()), "trading", config);
    if (profile == JournalProfile.EMBEDDED) {
      compactEmbeddedFiles(system, config);
    }
    return system;
  }

  private static void compactEmbeddedFiles(ActorSystem<Void> system, Config config) {
    var settings = H2FileCompaction.Settings.from(config.getConfig("trading.h2-compaction"));
    H2FileCompaction.start(system, "journal", config.getConfig("pekko-persistence-jdbc.shared-databases.trading.db"),
        settings);
    if (config.hasPath("trading.read-side.h2")) {
      H2FileCompaction.start(system, "read-side", config.getConfig("trading.read-side.h2"), settings);
    }
  }
}
