package org.tradingnode.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tradingnode.persistence.EmbeddedJournalSchema;

/**
 * The node's embedded profile (read from {@code conf/}) for a route test: a one-node cluster on
 * 127.0.0.1 over an H2 journal in a fresh directory whose schema is ready.
 */
final class EmbeddedTestProfile {
  private EmbeddedTestProfile() {}

  /** A fresh data directory named after the test. */
  static Path dataDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Config of(Path dataDir) {
    Config config = ConfigFactory.parseString("""
            trading.data-dir = "%s"
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = 127.0.0.1
            pekko.remote.artery.canonical.port = 0
            pekko.loglevel = WARNING
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.cluster.seed-nodes = []
            """.formatted(dataDir.toString().replace("\\", "/")))
        .withFallback(ConfigFactory.parseFile(Path.of("..", "conf", "embedded.conf").toFile()))
        .withFallback(ConfigFactory.load());
    Config db = config.resolve().getConfig("pekko-persistence-jdbc.shared-databases.trading.db");
    EmbeddedJournalSchema.ensure(db.getString("url"), db.getString("user"), db.getString("password"));
    return config.resolve();
  }
}
