package org.tradingnode.persistence.cassandra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single Cassandra 5.0 node in a JVM of its own, on loopback ports, with all its files under
 * one data directory. {@link #start} returns once the CQL port accepts connections. The node is
 * stopped through the PID of its java process (no wrapper shell in between): {@link #stop} as an operator does (SIGTERM, SIGKILL
 * after a grace period), {@link #kill} as a crash does. Starting again with the same settings reopens
 * the same data.
 */
public final class LocalCassandra {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final int LOG_TAIL_BYTES = 6_000;

  private final CassandraNodeSettings settings;
  private final CassandraNodeFiles files;
  private final Process process;

  private LocalCassandra(CassandraNodeSettings settings, CassandraNodeFiles files, Process process) {
    this.settings = settings;
    this.files = files;
    this.process = process;
  }

  /**
   * Starts the node and waits until its CQL port accepts connections.
   *
   * @throws IllegalStateException as {@link #launch} and {@link #awaitCqlPort} do
   */
  public static LocalCassandra start(CassandraNodeSettings settings) {
    LocalCassandra node = launch(settings);
    node.awaitCqlPort();
    return node;
  }

  /**
   * Starts the node's JVM and returns at once, so that a caller can arrange to stop it before it is
   * ready; {@link #awaitCqlPort} waits for it.
   *
   * @throws IllegalStateException when another node runs on the data directory, a port is taken, or no
   *     Java 17 or no Cassandra classpath is found
   */
  public static LocalCassandra launch(CassandraNodeSettings settings) {
    CassandraNodeFiles files = new CassandraNodeFiles(settings.dataDir());
    refuseIfRunning(files);
    refuseIfTaken(settings.nativePort(), "native transport");
    refuseIfTaken(settings.storagePort(), "storage");
    Path java = CassandraJava.executable();
    String classpath = CassandraClasspath.read();
    files.writeConfig(settings);
    Process process;
    try {
      Files.writeString(files.log(), "---- starting Cassandra at " + Instant.now() + " on " + settings.contactPoint()
          + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(CassandraJvmArguments.command(java, classpath, settings, files))
          .directory(settings.dataDir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
          .start();
      Files.writeString(files.pidFile(), process.pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Cassandra in " + settings.dataDir(), e);
    }
    return new LocalCassandra(settings, files, process);
  }

  public CassandraNodeSettings settings() {
    return settings;
  }

  /** PID of Cassandra's java process. */
  public long pid() {
    return process.pid();
  }

  public InetSocketAddress contactPoint() {
    return new InetSocketAddress(CassandraNodeSettings.HOST, settings.nativePort());
  }

  public Path logFile() {
    return files.log();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** SIGTERM, then waits for Cassandra to drain and exit; SIGKILL if it has not after 30 s. */
  public void stop() {
    ProcessHandle handle = process.toHandle();
    if (handle.isAlive()) {
      handle.destroy();
      if (!awaitExit(handle, STOP_GRACE)) {
        kill();
      }
    }
    forgetPid();
  }

  /** SIGKILL, as a crash or an OOM killer would end it; returns once the process is gone. */
  public void kill() {
    ProcessHandle handle = process.toHandle();
    if (handle.isAlive()) {
      handle.destroyForcibly();
      awaitExit(handle, STOP_GRACE);
    }
    forgetPid();
  }

  /** Blocks until the node's process ends, however it ends, and returns its exit code. */
  public int awaitExit() throws InterruptedException {
    return process.waitFor();
  }

  /** The last lines of the node's log, to explain a failure. */
  public String logTail() {
    return tail(files.log());
  }

  /**
   * Waits until the CQL port accepts connections.
   *
   * @throws IllegalStateException with the end of the node's log when the node dies first, or when it
   *     has not opened the port within the start timeout (it is killed then)
   */
  public void awaitCqlPort() {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        forgetPid();
        throw new IllegalStateException("Cassandra exited with code " + process.exitValue() + " before "
            + settings.contactPoint() + " accepted connections; end of " + files.log() + ":\n" + logTail());
      }
      if (accepts(settings.nativePort())) {
        return;
      }
      sleep(POLL_INTERVAL);
    }
    kill();
    throw new IllegalStateException("Cassandra did not accept connections on " + settings.contactPoint()
        + " within " + settings.startTimeout() + " and was killed; end of " + files.log() + ":\n" + logTail());
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(CassandraNodeSettings.HOST, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void refuseIfRunning(CassandraNodeFiles files) {
    Optional<ProcessHandle> recorded = recordedProcess(files).filter(ProcessHandle::isAlive);
    if (recorded.isEmpty()) {
      return;
    }
    Optional<String> commandLine = recorded.get().info().commandLine();
    String storageDir = CassandraJvmArguments.storageDirArgument(files.dataDir()) + " ";
    if (commandLine.isEmpty() || commandLine.get().contains(storageDir)) {
      throw new IllegalStateException("Cassandra already runs on " + files.dataDir() + " (pid "
          + recorded.get().pid() + "); if it does not, delete " + files.pidFile());
    }
  }

  private static Optional<ProcessHandle> recordedProcess(CassandraNodeFiles files) {
    try {
      return ProcessHandle.of(Long.parseLong(Files.readString(files.pidFile()).trim()));
    } catch (IOException | NumberFormatException e) {
      // No PID file, or one cut short by a crash: no node was left running by a complete start.
      return Optional.empty();
    }
  }

  private static void refuseIfTaken(int port, String name) {
    try {
      new ServerSocket(port, 1, InetAddress.getByName(CassandraNodeSettings.HOST)).close();
    } catch (IOException e) {
      throw new IllegalStateException("the " + name + " port " + CassandraNodeSettings.HOST + ":" + port
          + " is in use; choose another", e);
    }
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot wait for process " + handle.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  private void forgetPid() {
    try {
      Files.deleteIfExists(files.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + files.pidFile(), e);
    }
  }

  private static String tail(Path log) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      return start == 0 ? text : text.substring(text.indexOf('\n') + 1);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Cassandra to start", e);
    }
  }
}
