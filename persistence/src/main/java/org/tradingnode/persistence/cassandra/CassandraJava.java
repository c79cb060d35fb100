package org.tradingnode.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the {@code java} that runs Cassandra. Cassandra 5.0 runs on Java 17 (on Java 25 it refuses to
 * start: "Setting a system-wide Policy object is not supported"), so this is the current JVM's when it
 * is a 17, else the one under {@code CASSANDRA_JAVA_HOME}, else a Java 17 under /usr/lib/jvm.
 */
final class CassandraJava {
  static final int FEATURE_VERSION = 17;
  static final Path SYSTEM_JVM_DIR = Path.of("/usr/lib/jvm");

  private CassandraJava() {}

  static Path executable() {
    return find(Runtime.version().feature(), Path.of(System.getProperty("java.home")),
        System.getenv("CASSANDRA_JAVA_HOME"), SYSTEM_JVM_DIR);
  }

  static Path find(int currentFeature, Path currentHome, String cassandraJavaHome, Path jvmDir) {
    if (currentFeature == FEATURE_VERSION) {
      return javaIn(currentHome);
    }
    if (cassandraJavaHome != null && !cassandraJavaHome.isBlank()) {
      Path home = Path.of(cassandraJavaHome);
      Optional<Integer> feature = featureVersion(home);
      if (!Files.isExecutable(javaIn(home)) || feature.isPresent() && feature.get() != FEATURE_VERSION) {
        throw new IllegalStateException("CASSANDRA_JAVA_HOME=" + home + " is not a Java " + FEATURE_VERSION
            + " home (" + feature.map(v -> "Java " + v).orElse("no bin/java") + ")");
      }
      return javaIn(home);
    }
    return java17Under(jvmDir).orElseThrow(() -> new IllegalStateException("Cassandra 5.0 needs Java "
        + FEATURE_VERSION + ", this JVM is Java " + currentFeature + " and " + jvmDir + " has none;"
        + " install a Java " + FEATURE_VERSION + " or set CASSANDRA_JAVA_HOME to one"));
  }

  private static Optional<Path> java17Under(Path jvmDir) {
    if (!Files.isDirectory(jvmDir)) {
      return Optional.empty();
    }
    List<Path> homes;
    try (Stream<Path> entries = Files.list(jvmDir)) {
      homes = entries.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + jvmDir, e);
    }
    return homes.stream()
        .filter(home -> featureVersion(home).filter(v -> v == FEATURE_VERSION).isPresent())
        .map(CassandraJava::javaIn)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The major version a JDK's {@code release} file states ({@code JAVA_VERSION="17.0.15"}). */
  static Optional<Integer> featureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(release)) {
      return lines.filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
          .map(version -> version.split("[.+-]")[0])
          .filter(major -> major.matches("[0-9]+"))
          .map(Integer::valueOf)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path javaIn(Path home) {
    return home.resolve("bin").resolve("java");
  }
}
