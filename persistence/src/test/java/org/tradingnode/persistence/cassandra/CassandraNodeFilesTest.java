package org.tradingnode.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraNodeFilesTest {
  @TempDir
  Path dataDir;

  @Test
  void yamlNamesTheNodesPortsAndPutsEveryDirectoryUnderTheDataDirectory() throws IOException {
    CassandraNodeFiles files = new CassandraNodeFiles(dataDir);

    files.writeConfig(CassandraNodeSettings.defaults(dataDir).withPorts(19042, 17000));

    String yaml = Files.readString(files.yaml());
    assertTrue(yaml.contains("native_transport_port: 19042\n"), yaml);
    assertTrue(yaml.contains("storage_port: 17000\n"), yaml);
    assertTrue(yaml.contains("- seeds: \"127.0.0.1:17000\""), yaml);
    for (String key : new String[] {"commitlog_directory", "hints_directory", "saved_caches_directory",
        "cdc_raw_directory"}) {
      assertTrue(yaml.contains(key + ": '" + dataDir + "/"), key);
    }
    assertTrue(yaml.contains("  - '" + dataDir + "/data'"), yaml);
    assertFalse(yaml.contains("{{"), yaml);
  }

  @Test
  void batchCommitlogSyncIsWrittenWithoutAPeriod() throws IOException {
    CassandraNodeFiles files = new CassandraNodeFiles(dataDir);

    files.writeConfig(CassandraNodeSettings.defaults(dataDir).withCommitlogSync(CommitlogSync.BATCH));

    String yaml = Files.readString(files.yaml());
    assertTrue(yaml.contains("commitlog_sync: batch\n"), yaml);
    assertFalse(yaml.contains("commitlog_sync_period"), yaml);
  }

  @Test
  void aQuoteInTheDataDirectoryStaysInsideTheYamlString() throws IOException {
    Path odd = Files.createDirectories(dataDir.resolve("trader's node"));

    new CassandraNodeFiles(odd).writeConfig(CassandraNodeSettings.defaults(odd));

    assertTrue(Files.readString(odd.resolve("cassandra.yaml")).contains("'" + dataDir + "/trader''s node/commitlog'"));
  }
}
