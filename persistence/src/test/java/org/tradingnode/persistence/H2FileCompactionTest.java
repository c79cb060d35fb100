package org.tradingnode.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compaction of an H2 file with the journal's schema, written as the node's journal writes it: one
 * event and its tag per commit, with {@code WRITE_DELAY=0}.
 */
class H2FileCompactionTest {
  private static final int EVENTS = 2_000;
  /** Checks only when a test calls them: the scheduled ones would come after the test. */
  private static final H2FileCompaction.Settings SETTINGS =
      new H2FileCompaction.Settings(Duration.ofHours(1), 50, 1 << 20);
  /** The node's settings, but chunks may be reused at once instead of after H2's 45 s. */
  private static final String NO_RETENTION = ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE";
  /** The node's settings. */
  private static final String AS_THE_NODE = ";WRITE_DELAY=0;MAX_COMPACT_TIME=2000;DB_CLOSE_ON_EXIT=FALSE";

  @TempDir
  Path dir;

  @Test
  void rewritingTheLivePagesOfSparseChunksKeepsTheFileSmallerThanHalfOfWhatItGrowsToWithout() throws Exception {
    H2FileCompaction compaction =
        H2FileCompaction.open("compacted", url("compacted", NO_RETENTION), "sa", "", SETTINGS);

    long grown = writeEvents(url("left-alone", NO_RETENTION), i -> { });
    long kept = writeEvents(url("compacted", NO_RETENTION), i -> {
      if (i % 100 == 99) {
        compaction.runOnce();
      }
    });
    compaction.close();

    assertTrue(kept * 2 < grown, "compacted " + kept + " bytes, left alone " + grown + " bytes");
  }

  @Test
  void itsConnectionClosesWhenTheActorSystemShutsDownSoThatH2ClosesTheFileAndCompactsIt() throws Exception {
    String url = url("journal", AS_THE_NODE);
    ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
    H2FileCompaction.start(testKit.system(), "journal",
        ConfigFactory.parseString("url = \"" + url + "\", user = sa, password = \"\""), SETTINGS);
    long whileOpen = writeEvents(url, i -> { });

    testKit.shutdownTestKit();

    long afterShutdown = Files.size(dir.resolve("journal.mv.db"));
    assertTrue(afterShutdown * 4 < whileOpen, "after shutdown " + afterShutdown + " bytes, while open " + whileOpen);
  }

  /** The database {@code name} in the test's directory, with the journal's tables. */
  private String url(String name, String settings) {
    String url = "jdbc:h2:file:" + dir.resolve(name) + settings;
    EmbeddedJournalSchema.ensure(url, "sa", "");
    return url;
  }

  /**
   * Writes the events one commit each, calling {@code afterEach} after each; the file's size after the
   * last, before the connection closes (the last connection's close compacts the file).
   */
  private long writeEvents(String url, IntConsumer afterEach) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        PreparedStatement event = connection.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\", "
            + "\"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", "
            + "\"event_ser_id\", \"event_ser_manifest\") VALUES (?, ?, 'writer', ?, '', ?, 7301, 'E')",
            new String[] {"ordering"});
        PreparedStatement tag = connection.prepareStatement(
            "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < EVENTS; i++) {
        event.setString(1, "Strategy|s" + i % 5);
        event.setLong(2, i / 5 + 1);
        event.setLong(3, i);
        event.setBytes(4, new byte[400]);
        event.executeUpdate();
        try (ResultSet keys = event.getGeneratedKeys()) {
          keys.next();
          tag.setLong(1, keys.getLong(1));
        }
        tag.setString(2, "Strategy-" + i % 5);
        tag.executeUpdate();
        connection.commit();
        afterEach.accept(i);
      }
      String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db";
      return Files.size(Path.of(file));
    }
  }
}
