package org.tradingnode.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to run one local Cassandra node: where its files live, its two loopback ports (CQL and the
 * internode storage port), when its commit log syncs, its heap, and how long it may take to open the
 * CQL port. Restarting with the same settings reopens the same data.
 */
public record CassandraNodeSettings(
    Path dataDir,
    int nativePort,
    int storagePort,
    CommitlogSync commitlogSync,
    String initialHeap,
    String maxHeap,
    Duration startTimeout) {

  /** The only address the node listens on. */
  public static final String HOST = "127.0.0.1";

  private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

  public CassandraNodeSettings {
    dataDir = dataDir.toAbsolutePath().normalize();
    checkPort(nativePort, "native transport");
    checkPort(storagePort, "storage");
    if (nativePort == storagePort) {
      throw new IllegalArgumentException("the native and the storage port must differ, both are " + nativePort);
    }
    checkHeap(initialHeap);
    checkHeap(maxHeap);
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("start timeout must be positive, not " + startTimeout);
    }
  }

  /** CQL on 9042, storage on 7000, periodic commit log, heap 256m to 1g, three minutes to start. */
  public static CassandraNodeSettings defaults(Path dataDir) {
    return new CassandraNodeSettings(dataDir, 9042, 7000, CommitlogSync.PERIODIC, "256m", "1g", Duration.ofMinutes(3));
  }

  public CassandraNodeSettings withDataDir(Path dataDir) {
    return new CassandraNodeSettings(dataDir, nativePort, storagePort, commitlogSync, initialHeap, maxHeap,
        startTimeout);
  }

  public CassandraNodeSettings withPorts(int nativePort, int storagePort) {
    return new CassandraNodeSettings(dataDir, nativePort, storagePort, commitlogSync, initialHeap, maxHeap,
        startTimeout);
  }

  /** Two loopback ports that are free right now, so that several nodes can run on one machine. */
  public CassandraNodeSettings withFreePorts() {
    try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        ServerSocket second = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return withPorts(first.getLocalPort(), second.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  public CassandraNodeSettings withCommitlogSync(CommitlogSync commitlogSync) {
    return new CassandraNodeSettings(dataDir, nativePort, storagePort, commitlogSync, initialHeap, maxHeap,
        startTimeout);
  }

  /** Heap sizes as the JVM takes them: {@code 256m}, {@code 1g}. */
  public CassandraNodeSettings withHeap(String initialHeap, String maxHeap) {
    return new CassandraNodeSettings(dataDir, nativePort, storagePort, commitlogSync, initialHeap, maxHeap,
        startTimeout);
  }

  public CassandraNodeSettings withStartTimeout(Duration startTimeout) {
    return new CassandraNodeSettings(dataDir, nativePort, storagePort, commitlogSync, initialHeap, maxHeap,
        startTimeout);
  }

  /** {@code 127.0.0.1:port}, the form of CASSANDRA_CONTACT_POINTS. */
  public String contactPoint() {
    return HOST + ":" + nativePort;
  }

  private static void checkPort(int port, String name) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " port must be 1..65535, not " + port);
    }
  }

  private static void checkHeap(String size) {
    if (size == null || !HEAP_SIZE.matcher(size).matches()) {
      throw new IllegalArgumentException("heap size must look like 256m or 1g, not " + size);
    }
  }
}
