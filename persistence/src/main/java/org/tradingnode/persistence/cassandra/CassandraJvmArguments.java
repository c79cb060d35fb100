package org.tradingnode.persistence.cassandra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of Cassandra's JVM between {@code java} and the main class: heap, the module flags
 * that Cassandra 5.0 lists for Java 17, and the system properties that point it at its files.
 */
final class CassandraJvmArguments {
  /**
   * The JPMS lines of conf/jvm17-server.options on Cassandra's cassandra-5.0 branch. Without them
   * Cassandra fails with InaccessibleObjectException on Java 17.
   */
  static final List<String> JAVA17_MODULE_FLAGS = List.of(
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED",
      "--add-opens", "java.base/java.nio=ALL-UNNAMED");

  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  private CassandraJvmArguments() {}

  static List<String> of(CassandraNodeSettings settings, CassandraNodeFiles files) {
    List<String> arguments = new ArrayList<>();
    arguments.add("-Xms" + settings.initialHeap());
    arguments.add("-Xmx" + settings.maxHeap());
    arguments.addAll(JAVA17_MODULE_FLAGS);
    arguments.add("-Dcassandra.config=" + files.yaml().toUri());
    arguments.add(storageDirArgument(files.dataDir()));
    arguments.add("-Dcassandra.logdir=" + files.dataDir());
    arguments.add("-Dlogback.configurationFile=" + files.logbackConfig());
    arguments.add("-Dcassandra-foreground=true");
    // Without this Cassandra waits 2 s on SIGTERM to tell peers it leaves; a single node has none.
    arguments.add("-Dcassandra.shutdown_announce_in_ms=0");
    arguments.add("-Djava.net.preferIPv4Stack=true");
    arguments.add("-Djdk.attach.allowAttachSelf=true");
    arguments.add("-Dio.netty.tryReflectionSetAccessible=true");
    return arguments;
  }

  /**
   * The argument that names the node's data directory. It comes before the long classpath, so it is
   * within the first 4096 characters of the command line, all that Java shows of another process.
   */
  static String storageDirArgument(Path dataDir) {
    return "-Dcassandra.storagedir=" + dataDir;
  }

  /** The whole command line of Cassandra's JVM. */
  static List<String> command(Path java, String classpath, CassandraNodeSettings settings, CassandraNodeFiles files) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(of(settings, files));
    command.add("-cp");
    command.add(classpath);
    command.add(MAIN_CLASS);
    return command;
  }
}
