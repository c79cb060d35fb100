package org.tradingnode.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared data files that live outside the repository. The directory is the system
 * property {@code shared.data.dir} (set by surefire), else the environment variable {@code
 * SHARED_DATA_DIR}, else {@code ../shared/data} relative to the repository root.
 */
public final class SharedData {

  private SharedData() {}

  /** A file under the shared data directory, e.g. {@code market_data/binance/x.csv}. */
  public static Path file(String relative) {
    return directory().resolve(relative);
  }

  static Path directory() {
    String property = System.getProperty("shared.data.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    String environment = System.getenv("SHARED_DATA_DIR");
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment).toAbsolutePath().normalize();
    }
    return repositoryRoot().resolve("../shared/data").normalize();
  }

  /** The working directory, or its outermost ancestor still holding a pom.xml (the root module). */
  private static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath();
    while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
      root = root.getParent();
    }
    return root;
  }
}
