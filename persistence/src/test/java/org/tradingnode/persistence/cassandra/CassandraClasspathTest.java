package org.tradingnode.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraClasspathTest {
  @TempDir
  Path checkout;

  @Test
  void theFileIsFoundFromASubdirectoryOfTheCheckout() throws IOException {
    Path file = checkout.resolve(CassandraClasspath.RELATIVE_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "/some.jar");
    Path moduleDir = Files.createDirectories(checkout.resolve("cluster/target"));

    assertEquals(file, CassandraClasspath.file(null, moduleDir));
  }

  @Test
  void theSystemPropertyWinsOverTheCheckout() throws IOException {
    Path file = Files.writeString(checkout.resolve("elsewhere.txt"), "/some.jar");

    assertEquals(file, CassandraClasspath.file(file.toString(), checkout));
  }

  @Test
  void aMissingFileAsksForABuild() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> CassandraClasspath.file(null, checkout));

    assertTrue(missing.getMessage().contains("./mvnw -B -DskipTests package"), missing.getMessage());
  }
}
