package org.tradingnode.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A real Cassandra node on its own data directory: crash, restart, stop. Two node starts in all. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalCassandraTest {
  private static final int ROWS = 500;

  @TempDir
  static Path tempDir;

  private static LocalCassandra node;

  @BeforeAll
  static void startNode() {
    node = LocalCassandra.start(CassandraNodeSettings.defaults(tempDir.resolve("cassandra"))
        .withFreePorts()
        .withCommitlogSync(CommitlogSync.BATCH));
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.stop();
    }
  }

  @Test
  @Order(1)
  void nodeLogsToAFileInItsDataDirectory() throws Exception {
    Path log = node.settings().dataDir().resolve("cassandra.log");

    assertEquals(log, node.logFile());
    assertTrue(Files.readString(log).contains("Starting listening for CQL clients on /" + node.settings().contactPoint()),
        "log says where CQL listens");
  }

  @Test
  @Order(2)
  void aSecondNodeOnTheSameDataDirectoryIsRefused() {
    CassandraNodeSettings sameDataDir = node.settings().withFreePorts();

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalCassandra.start(sameDataDir));

    assertTrue(refused.getMessage().contains("already runs"), refused.getMessage());
  }

  @Test
  @Order(3)
  void rowsAcknowledgedWithBatchCommitlogSurviveSigkillAndRestart() {
    Map<Integer, String> written = new HashMap<>();
    try (CqlSession session = CqlSessions.connect(node)) {
      session.execute("CREATE KEYSPACE crash_test WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE crash_test.rows (id int PRIMARY KEY, payload text)");
      PreparedStatement insert = session.prepare("INSERT INTO crash_test.rows (id, payload) VALUES (?, ?)");
      List<CompletableFuture<AsyncResultSet>> acknowledgements = IntStream.range(0, ROWS).mapToObj(id -> {
        written.put(id, "row-" + id);
        return session.executeAsync(insert.bind(id, "row-" + id)).toCompletableFuture();
      }).toList();
      acknowledgements.forEach(CompletableFuture::join);
    }
    long crashedPid = node.pid();

    node.kill();
    assertFalse(isAlive(crashedPid), "SIGKILL ended the node's java process");
    node = LocalCassandra.start(node.settings());

    Map<Integer, String> read = new HashMap<>();
    try (CqlSession session = CqlSessions.connect(node)) {
      for (Row row : session.execute("SELECT id, payload FROM crash_test.rows")) {
        read.put(row.getInt("id"), row.getString("payload"));
      }
    }
    assertEquals(written, read);
  }

  @Test
  @Order(4)
  void stopEndsTheNodesJavaProcess() {
    long pid = node.pid();
    assertTrue(isAlive(pid), "node runs before the stop");

    node.stop();

    assertFalse(isAlive(pid));
    assertFalse(Files.exists(node.settings().dataDir().resolve("cassandra.pid")), "PID file removed");
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
