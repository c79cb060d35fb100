package org.tradingnode.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A trading node started as a user would: its own JVM, its own ports, a data directory. */
final class NodeProcess implements AutoCloseable {
  private final Process process;
  final int httpPort;
  final Path log;

  private NodeProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  static NodeProcess start(Path dataDir, Map<String, String> extraEnv) throws IOException {
    int httpPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("DATA_DIR", dataDir.toString());
    builder.environment().put("HTTP_PORT", Integer.toString(httpPort));
    builder.environment().put("CLUSTER_PORT", Integer.toString(freePort()));
    builder.environment().putAll(extraEnv);
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-node-" + httpPort + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new NodeProcess(builder.start(), httpPort, log);
  }

  /** SIGKILL: no shutdown hook, no coordinated shutdown, nothing flushed that was not already durable. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, as an operator stops it; forced only if the node has not left within 20 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
