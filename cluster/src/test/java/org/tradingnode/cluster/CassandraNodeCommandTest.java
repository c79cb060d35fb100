package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tradingnode.persistence.cassandra.CassandraNodeSettings;
import org.tradingnode.persistence.cassandra.CommitlogSync;

class CassandraNodeCommandTest {
  private static final Path DEFAULT_DATA_DIR = Path.of("/srv/trading/data/cassandra");

  @Test
  void withoutOptionsTheNodeListensOn9042WithPeriodicCommitlogInTheDefaultDataDirectory() {
    CassandraNodeSettings settings = CassandraNodeCommand.parse(new String[0], DEFAULT_DATA_DIR);

    assertEquals("127.0.0.1:9042", settings.contactPoint());
    assertEquals(7000, settings.storagePort());
    assertEquals(CommitlogSync.PERIODIC, settings.commitlogSync());
    assertEquals(DEFAULT_DATA_DIR, settings.dataDir());
  }

  @Test
  void optionsSetPortsDataDirectoryAndCommitlogSync() {
    CassandraNodeSettings settings = CassandraNodeCommand.parse(new String[] {"--port", "19042", "--storage-port",
        "17000", "--data-dir", "/tmp/c1", "--commitlog", "batch"}, DEFAULT_DATA_DIR);

    assertEquals(19042, settings.nativePort());
    assertEquals(17000, settings.storagePort());
    assertEquals(Path.of("/tmp/c1"), settings.dataDir());
    assertEquals(CommitlogSync.BATCH, settings.commitlogSync());
  }

  @Test
  void anUnknownCommitlogModeIsRefusedWithTheUsage() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> CassandraNodeCommand.parse(new String[] {"--commitlog", "group"}, DEFAULT_DATA_DIR));

    assertTrue(refused.getMessage().contains("batch or periodic"), refused.getMessage());
    assertTrue(refused.getMessage().contains(CassandraNodeCommand.USAGE), refused.getMessage());
  }

  @Test
  void aPortThatIsNoNumberIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> CassandraNodeCommand.parse(new String[] {"--port", "cql"}, DEFAULT_DATA_DIR));
  }
}
