package org.tradingnode.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** A trading node started as a user would: its own JVM, its own ports, a data directory. */
final class NodeProcess implements AutoCloseable {
  private static final int FIRST_PORT = 20_000;
  private static final int LAST_PORT = 32_000;
  private static final Random RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private final Process process;
  final int httpPort;
  final int clusterPort;
  final int managementPort;
  final Path log;

  private NodeProcess(Process process, int httpPort, int clusterPort, int managementPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.clusterPort = clusterPort;
    this.managementPort = managementPort;
    this.log = log;
  }

  static NodeProcess start(Path dataDir, Map<String, String> extraEnv) throws IOException {
    return start(dataDir, extraEnv, Main.class);
  }

  /**
   * Starts {@code main} (Main, or a test main that configures itself the same way) with free HTTP,
   * cluster and management ports unless {@code extraEnv} names them.
   */
  static NodeProcess start(Path dataDir, Map<String, String> extraEnv, Class<?> main) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("DATA_DIR", dataDir.toString());
    env.put("HTTP_PORT", Integer.toString(freePort()));
    env.put("CLUSTER_PORT", Integer.toString(freePort()));
    env.put("MANAGEMENT_PORT", Integer.toString(freePort()));
    env.putAll(extraEnv);
    int httpPort = Integer.parseInt(env.get("HTTP_PORT"));
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-node-" + httpPort + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new NodeProcess(builder.start(), httpPort, Integer.parseInt(env.get("CLUSTER_PORT")),
        Integer.parseInt(env.get("MANAGEMENT_PORT")), log);
  }

  /** The node's cluster address as seeds and strategy placements name it, host:port. */
  String clusterAddress() {
    return "127.0.0.1:" + clusterPort;
  }

  /** SIGKILL: no shutdown hook, no coordinated shutdown, nothing flushed that was not already durable. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, as an operator stops it; forced only if the node has not left within 60 s. */
  @Override
  public void close() {
    stop(60);
  }

  /** SIGTERM and wait up to {@code seconds} for the coordinated shutdown; true if it exited by itself. */
  boolean stop(int seconds) {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          return false;
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * A port no listener holds, below the range the system gives outgoing connections (32768 and up on
   * Linux): a port from that range, free when probed, could be taken by a node's connection to Cassandra
   * or the venue before the node binds it. Never the same port twice in one test run.
   */
  static synchronized int freePort() throws IOException {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = FIRST_PORT + RANDOM.nextInt(LAST_PORT - FIRST_PORT);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // held by another listener: try another
      }
    }
    throw new IOException("no free port between " + FIRST_PORT + " and " + LAST_PORT);
  }

  /** The text of these logs, one after the other. */
  static String readAll(List<Path> logs) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path log : logs) {
      all.append(Files.readString(log));
    }
    return all.toString();
  }
}
