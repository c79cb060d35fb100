package org.tradingnode.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tradingnode.core.domain.strategy.StrategyTypes;

/**
 * Starts one node, or with the first argument {@code venue-simulator} the Binance venue simulator
 * instead (see {@link VenueSimulatorProcess}), or with {@code cassandra-node} a local Cassandra node
 * (see {@link CassandraNodeCommand}). Environment of the node: {@code DATA_DIR} (default
 * ./data), {@code HTTP_PORT} (8080), {@code PERSISTENCE} (embedded or cassandra, see conf/cassandra.conf),
 * {@code CASSANDRA_CONTACT_POINTS}, {@code CLUSTER_PORT},
 * {@code CLUSTER_SEEDS} (host:port,...), and the market feed settings of conf/trading.conf. SIGTERM
 * or Ctrl-C runs a coordinated shutdown.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      if (args[0].equals("venue-simulator")) {
        VenueSimulatorProcess.run(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      if (args[0].equals("cassandra-node")) {
        CassandraNodeCommand.run(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      System.err.println("unknown command " + args[0]
          + "; usage: trading-node [venue-simulator [options] | cassandra-node [options]]");
      System.exit(2);
    }
    Path dataDir = Path.of(env("DATA_DIR", "./data")).toAbsolutePath().normalize();
    Files.createDirectories(dataDir.resolve("journal"));
    String profile = env("PERSISTENCE", "embedded");
    Config config = ConfigFactory.load(overrides(dataDir).withFallback(ConfigFactory.parseResourcesAnySyntax(profile)));
    if (!config.hasPath("pekko.persistence.journal.plugin") || config.getString("pekko.persistence.journal.plugin")
        .isBlank()) {
      throw new IllegalArgumentException("PERSISTENCE=" + profile + " is not a known profile (known: embedded, cassandra)");
    }
    TradingNode.start(config, StrategyTypes.builtIn());
  }

  private static Config overrides(Path dataDir) {
    Config overrides = ConfigFactory.empty()
        .withValue("trading.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toString()));
    String seeds = System.getenv("CLUSTER_SEEDS");
    if (seeds != null && !seeds.isBlank()) {
      List<String> nodes = new ArrayList<>();
      for (String seed : seeds.split(",")) {
        nodes.add("pekko://trading@" + seed.trim());
      }
      overrides = overrides.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(nodes));
    }
    return withCassandra(overrides);
  }

  /** CASSANDRA_CONTACT_POINTS (host:port,...) and CASSANDRA_USERNAME for the cassandra profile. */
  private static Config withCassandra(Config overrides) {
    String contactPoints = System.getenv("CASSANDRA_CONTACT_POINTS");
    if (contactPoints != null && !contactPoints.isBlank()) {
      List<String> points = new ArrayList<>();
      for (String point : contactPoints.split(",")) {
        String trimmed = point.trim();
        if (!trimmed.matches("[^:\\s]+:\\d{1,5}")) {
          throw new IllegalArgumentException("CASSANDRA_CONTACT_POINTS entry '" + trimmed + "' is not host:port");
        }
        points.add(trimmed);
      }
      overrides = overrides.withValue("datastax-java-driver.basic.contact-points",
          ConfigValueFactory.fromIterable(points));
    }
    String user = System.getenv("CASSANDRA_USERNAME");
    if (user != null && !user.isBlank()) {
      overrides = overrides.withValue("datastax-java-driver.advanced.auth-provider.class",
          ConfigValueFactory.fromAnyRef("PlainTextAuthProvider"));
    }
    return overrides;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
