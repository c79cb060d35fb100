package org.tradingnode.persistence.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The classpath of Cassandra's JVM, as the build of persistence/cassandra-node writes it to
 * {@code target/cassandra-classpath.txt}. Found through the system property
 * {@code trading.cassandra.classpath-file}, else by walking up from the working directory.
 */
final class CassandraClasspath {
  static final String FILE_PROPERTY = "trading.cassandra.classpath-file";
  static final Path RELATIVE_FILE = Path.of("persistence", "cassandra-node", "target", "cassandra-classpath.txt");

  private CassandraClasspath() {}

  /** The classpath, every jar of it present. */
  static String read() {
    Path file = file(System.getProperty(FILE_PROPERTY), Path.of(System.getProperty("user.dir")));
    String classpath;
    try {
      classpath = Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Cassandra's classpath file " + file, e);
    }
    for (String jar : classpath.split(File.pathSeparator)) {
      if (!Files.isRegularFile(Path.of(jar))) {
        throw new IllegalStateException("Cassandra's classpath names " + jar + ", which is missing; " + buildHint());
      }
    }
    return classpath;
  }

  static Path file(String property, Path workingDir) {
    if (property != null && !property.isBlank()) {
      Path file = Path.of(property);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(FILE_PROPERTY + "=" + file + " does not exist; " + buildHint());
      }
      return file;
    }
    return walkUp(workingDir.toAbsolutePath()).orElseThrow(() -> new IllegalStateException(
        "Cassandra's classpath file " + RELATIVE_FILE + " was not found in " + workingDir
            + " or above it; " + buildHint()));
  }

  private static Optional<Path> walkUp(Path dir) {
    for (Path current = dir; current != null; current = current.getParent()) {
      Path candidate = current.resolve(RELATIVE_FILE);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String buildHint() {
    return "build the project first (./mvnw -B -DskipTests package) or set -D" + FILE_PROPERTY;
  }
}
