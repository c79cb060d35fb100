package org.tradingnode.cluster;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tradingnode.persistence.cassandra.CassandraNodeSettings;
import org.tradingnode.persistence.cassandra.CommitlogSync;
import org.tradingnode.persistence.cassandra.LocalCassandra;

/**
 * {@code trading-node cassandra-node [--port 9042] [--storage-port 7000] [--data-dir DIR]
 * [--commitlog batch|periodic]}: a local single Cassandra node in the foreground, for a node started
 * with {@code PERSISTENCE=cassandra}. The data directory defaults to {@code ${DATA_DIR:-./data}/cassandra}.
 * Ctrl-C or SIGTERM stops Cassandra's JVM.
 */
final class CassandraNodeCommand {
  static final String USAGE = "usage: trading-node cassandra-node [--port 9042] [--storage-port 7000] "
      + "[--data-dir DIR] [--commitlog batch|periodic]";

  private CassandraNodeCommand() {}

  static void run(String... args) {
    CassandraNodeSettings settings;
    try {
      settings = parse(args, defaultDataDir());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(runInForeground(settings));
  }

  private static int runInForeground(CassandraNodeSettings settings) {
    try {
      LocalCassandra node = LocalCassandra.launch(settings);
      AtomicBoolean stopping = new AtomicBoolean();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopping.set(true);
        node.stop();
        System.err.println("cassandra stopped");
      }, "stop-cassandra"));
      System.err.println("starting cassandra (log in " + node.logFile() + ")...");
      node.awaitCqlPort();
      System.out.println("cassandra ready on " + settings.contactPoint() + " (data in " + settings.dataDir() + ")");
      System.out.println("use it: PERSISTENCE=cassandra CASSANDRA_CONTACT_POINTS=" + settings.contactPoint()
          + " ./trading-node; Ctrl-C stops it");
      int exitCode = node.awaitExit();
      if (stopping.get()) {
        return 0;
      }
      System.err.println("cassandra exited with code " + exitCode + "; end of its log:\n" + node.logTail());
      return 1;
    } catch (IllegalStateException | UncheckedIOException e) {
      System.err.println(e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /**
   * The settings the options ask for.
   *
   * @throws IllegalArgumentException naming the bad option, with {@link #USAGE}
   */
  static CassandraNodeSettings parse(String[] args, Path defaultDataDir) {
    CassandraNodeSettings settings = CassandraNodeSettings.defaults(defaultDataDir);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[++i];
      try {
        settings = switch (option) {
          case "--port" -> settings.withPorts(port(value), settings.storagePort());
          case "--storage-port" -> settings.withPorts(settings.nativePort(), port(value));
          case "--data-dir" -> settings.withDataDir(Path.of(value));
          case "--commitlog" -> settings.withCommitlogSync(CommitlogSync.parse(value));
          default -> throw new IllegalArgumentException("unknown option " + option);
        };
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + "; " + USAGE, e);
      }
    }
    return settings;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a port is a number, not " + value, e);
    }
  }

  private static Path defaultDataDir() {
    String dataDir = System.getenv("DATA_DIR");
    return Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir, "cassandra");
  }
}
