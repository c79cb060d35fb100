package org.tradingnode.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraJavaTest {
  @TempDir
  Path jvmDir;

  @Test
  void aJava17ProcessRunsCassandraWithItsOwnJava() {
    Path home = jvmDir.resolve("current");

    assertEquals(home.resolve("bin/java"), CassandraJava.find(17, home, null, jvmDir));
  }

  @Test
  void aJava25ProcessPrefersCassandraJavaHome() throws IOException {
    Path java17 = jdk("temurin-17", "17.0.12");
    jdk("openjdk-17", "17.0.15");

    assertEquals(java17.resolve("bin/java"), CassandraJava.find(25, jdk("jdk-25", "25.0.3"), java17.toString(), jvmDir));
  }

  @Test
  void aJava25ProcessFindsAJava17UnderTheSystemJvmDirectory() throws IOException {
    jdk("jdk-25", "25.0.3");
    Path java17 = jdk("openjdk-17", "17.0.15");

    assertEquals(java17.resolve("bin/java"), CassandraJava.find(25, jvmDir.resolve("jdk-25"), null, jvmDir));
  }

  @Test
  void cassandraJavaHomeOfAnotherVersionIsRefused() throws IOException {
    Path java21 = jdk("jdk-21", "21.0.4");

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> CassandraJava.find(25, java21, java21.toString(), jvmDir));
    assertTrue(refused.getMessage().contains("Java 21"), refused.getMessage());
  }

  @Test
  void withoutAnyJava17TheErrorSaysWhatToInstallOrSet() throws IOException {
    Path java25 = jdk("jdk-25", "25.0.3");

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> CassandraJava.find(25, java25, null, jvmDir));
    assertTrue(refused.getMessage().contains("CASSANDRA_JAVA_HOME"), refused.getMessage());
  }

  private Path jdk(String name, String version) throws IOException {
    Path home = jvmDir.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
