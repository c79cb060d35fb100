package org.tradingnode.bench.load;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * The persistence profile a benchmark node runs on, from the environment as for the node itself:
 * {@code PERSISTENCE} (embedded or cassandra) and {@code CASSANDRA_CONTACT_POINTS} (default
 * 127.0.0.1:9042). On Cassandra each data dir gets keyspaces of its own, named in a file in the data
 * dir so that a restart on the same data dir (the recovery part) finds its journal again.
 */
final class BenchProfile {
  private BenchProfile() {}

  static String name() {
    String profile = System.getenv("PERSISTENCE");
    return profile == null || profile.isBlank() ? "embedded" : profile;
  }

  static Config overrides(Path dataDir) {
    if (!name().equals("cassandra")) {
      return ConfigFactory.empty();
    }
    String points = System.getenv().getOrDefault("CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042");
    return ConfigFactory.empty()
        .withValue("trading.cassandra.keyspace-prefix", ConfigValueFactory.fromAnyRef(keyspacePrefix(dataDir)))
        .withValue("datastax-java-driver.basic.contact-points",
            ConfigValueFactory.fromIterable(Arrays.stream(points.split(",")).map(String::trim).toList()))
        .withValue("datastax-java-driver.basic.request.timeout", ConfigValueFactory.fromAnyRef("30s"));
  }

  private static String keyspacePrefix(Path dataDir) {
    Path file = dataDir.resolve("cassandra-keyspace");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      String prefix = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      Files.createDirectories(dataDir);
      Files.writeString(file, prefix);
      return prefix;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
