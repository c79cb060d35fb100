package org.tradingnode.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One real Cassandra node per test JVM for every test that needs one: started on first use, on free
 * loopback ports, with a batch commit log, in a temporary directory; stopped and removed when the JVM
 * exits. Tests keep apart through keyspaces of their own ({@link #freshKeyspacePrefix}), never by
 * wiping the node. A test that kills or restarts a node starts its own {@link LocalCassandra}.
 */
public final class TestCassandra {
  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]{0,29}");
  private static final AtomicInteger KEYSPACES = new AtomicInteger();
  private static LocalCassandra shared;
  private static RuntimeException startFailure;

  private TestCassandra() {}

  /** The node of this JVM, started by the first caller. */
  public static synchronized LocalCassandra shared() {
    if (startFailure != null) {
      throw new IllegalStateException("the shared test Cassandra failed to start earlier", startFailure);
    }
    if (shared == null) {
      try {
        shared = startShared();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  /**
   * A keyspace name (or prefix, as CASSANDRA_KEYSPACE takes it) that no other caller in this JVM gets:
   * {@code e2e} gives {@code e2e_1}, then {@code e2e_2}.
   */
  public static String freshKeyspacePrefix(String purpose) {
    if (!PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException("purpose must be lower case letters, digits and _, not " + purpose);
    }
    return purpose + "_" + KEYSPACES.incrementAndGet();
  }

  private static LocalCassandra startShared() {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("trading-cassandra-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory for the test Cassandra", e);
    }
    LocalCassandra node = LocalCassandra.start(CassandraNodeSettings.defaults(dataDir)
        .withFreePorts()
        .withCommitlogSync(CommitlogSync.BATCH));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.stop();
      deleteRecursively(dataDir);
    }, "stop-test-cassandra"));
    return node;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot remove " + dir + ": " + e.getMessage());
    }
  }
}
