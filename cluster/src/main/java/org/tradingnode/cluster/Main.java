package org.tradingnode.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigResolver;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.strategy.StrategyTypes;

/**
 * Starts one node, or with the first argument {@code venue-simulator} the Binance venue simulator
 * instead (see {@link VenueSimulatorProcess}), or with {@code cassandra-node} a local Cassandra node
 * (see {@link CassandraNodeCommand}). Environment of the node: {@code DATA_DIR} (default
 * ./data), {@code HTTP_PORT} (8080), {@code PERSISTENCE} (embedded or cassandra, see conf/cassandra.conf),
 * {@code CASSANDRA_CONTACT_POINTS}, {@code CLUSTER_PORT}, {@code MANAGEMENT_PORT} (8558),
 * {@code CLUSTER_SEEDS} (host:port,...), {@code NODE_ROLES} (role,...), {@code CLUSTER_PROFILE}
 * (local or k8s), {@code CONFIG_FILE} (a HOCON file of overrides), and the settings of conf/*.conf. SIGTERM or Ctrl-C runs a coordinated shutdown: the
 * node leaves the cluster and hands its shards and singletons over.
 */
public final class Main {
  /**
   * The environment variables Main reads itself; the settings of conf/*.conf read theirs as
   * {@code ${?NAME}}. Every read goes through {@link #read}, which refuses a name missing here, so the
   * list stays complete (deployment manifests are checked against it).
   */
  static final Set<String> ENVIRONMENT = Set.of("DATA_DIR", "PERSISTENCE", "CONFIG_FILE", "CLUSTER_PROFILE",
      "CLUSTER_SEEDS", "NODE_ROLES", "CASSANDRA_CONTACT_POINTS", "CASSANDRA_USERNAME");
  /**
   * Made before the actor system starts, so that logging is set up on this thread first (else the first
   * lines of Pekko's logger, written while logback starts on another thread, come with SLF4J's warning).
   */
  private static final Logger log = LoggerFactory.getLogger("trading.node");

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
    Path dataDir = Path.of(env(System.getenv(), "DATA_DIR", "./data")).toAbsolutePath().normalize();
    Files.createDirectories(dataDir.resolve("journal"));
    log.info("node starting, data in {}", dataDir);
    TradingNode.start(config(dataDir), StrategyTypes.builtIn());
  }

  /**
   * The node's config: the variables Main reads itself, then an operator's file ({@code CONFIG_FILE}, HOCON,
   * e.g. mounted from a Kubernetes ConfigMap; its keys win over conf/*.conf including their
   * {@code ${?NAME}} settings), then the cluster profile ({@code CLUSTER_PROFILE=k8s}:
   * conf/k8s.conf), then the persistence profile ({@code PERSISTENCE}, default embedded).
   */
  static Config config(Path dataDir) {
    return config(dataDir, System.getenv());
  }

  /**
   * The node's config as it would be built in a process whose environment is {@code env}: Main's own
   * variables and the {@code ${?NAME}} settings of conf/*.conf are both taken from it.
   */
  static Config config(Path dataDir, Map<String, String> env) {
    String profile = env(env, "PERSISTENCE", "embedded");
    Config persistence = ConfigFactory.parseResourcesAnySyntax(profile);
    if (!persistence.hasPath("pekko.persistence.journal.plugin")) {
      throw new IllegalArgumentException("PERSISTENCE=" + profile + " is not a known profile (known: embedded, cassandra)");
    }
    Config layered = overrides(dataDir, env);
    String file = read(env, "CONFIG_FILE");
    if (file != null && !file.isBlank()) {
      Path path = Path.of(file);
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException("CONFIG_FILE " + path.toAbsolutePath() + " is not a readable file");
      }
      layered = layered.withFallback(ConfigFactory.parseFile(path.toFile()));
    }
    String clusterProfile = env(env, "CLUSTER_PROFILE", "local");
    if (clusterProfile.equals("k8s")) {
      layered = layered.withFallback(ConfigFactory.parseResourcesAnySyntax("k8s"));
    } else if (!clusterProfile.equals("local")) {
      throw new IllegalArgumentException("CLUSTER_PROFILE=" + clusterProfile + " is not a known profile (known: local, k8s)");
    }
    return load(layered.withFallback(persistence), env);
  }

  /**
   * {@code ConfigFactory.load(config)}, except that a {@code ${?NAME}} the config does not define is looked
   * up in {@code env} instead of the process environment.
   */
  private static Config load(Config config, Map<String, String> env) {
    return ConfigFactory.load(config, ConfigResolveOptions.noSystem().appendResolver(new EnvironmentResolver(env)));
  }

  /** Answers substitutions from an environment map, as the config library does from the process's. */
  private record EnvironmentResolver(Map<String, String> env) implements ConfigResolver {
    @Override
    public ConfigValue lookup(String path) {
      String value = env.get(path);
      return value == null ? null : ConfigValueFactory.fromAnyRef(value, "env variable " + path);
    }

    @Override
    public ConfigResolver withFallback(ConfigResolver fallback) {
      return new ConfigResolver() {
        @Override
        public ConfigValue lookup(String path) {
          ConfigValue value = EnvironmentResolver.this.lookup(path);
          return value != null ? value : fallback.lookup(path);
        }

        @Override
        public ConfigResolver withFallback(ConfigResolver next) {
          return EnvironmentResolver.this.withFallback(fallback.withFallback(next));
        }
      };
    }
  }

  private static Config overrides(Path dataDir, Map<String, String> env) {
    Config overrides = ConfigFactory.empty()
        .withValue("trading.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toString()));
    String seeds = read(env, "CLUSTER_SEEDS");
    if (seeds != null && !seeds.isBlank()) {
      List<String> nodes = new ArrayList<>();
      for (String seed : seeds.split(",")) {
        nodes.add("pekko://trading@" + seed.trim());
      }
      overrides = overrides.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(nodes));
    }
    String roles = read(env, "NODE_ROLES");
    if (roles != null && !roles.isBlank()) {
      List<String> names = new ArrayList<>();
      for (String role : roles.split(",")) {
        if (!role.isBlank()) {
          names.add(role.trim());
        }
      }
      overrides = overrides.withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(names));
    }
    return withCassandra(overrides, env);
  }

  /** CASSANDRA_CONTACT_POINTS (host:port,...) and CASSANDRA_USERNAME for the cassandra profile. */
  private static Config withCassandra(Config overrides, Map<String, String> env) {
    String contactPoints = read(env, "CASSANDRA_CONTACT_POINTS");
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
    String user = read(env, "CASSANDRA_USERNAME");
    if (user != null && !user.isBlank()) {
      overrides = overrides.withValue("datastax-java-driver.advanced.auth-provider.class",
          ConfigValueFactory.fromAnyRef("PlainTextAuthProvider"));
    }
    return overrides;
  }

  private static String env(Map<String, String> env, String name, String fallback) {
    String value = read(env, name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String read(Map<String, String> env, String name) {
    if (!ENVIRONMENT.contains(name)) {
      throw new IllegalStateException(name + " is read by Main but missing from Main.ENVIRONMENT");
    }
    return env.get(name);
  }
}
