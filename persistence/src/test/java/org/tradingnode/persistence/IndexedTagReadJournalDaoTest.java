package org.tradingnode.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tag query's plan on a real H2 file with the node's journal schema: however long the history, a
 * poll reads the events after its offset through the ordering index and looks each one's tag up by key.
 */
class IndexedTagReadJournalDaoTest {
  private static final int HISTORY = 40_000;
  private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

  @Test
  void aPollReadsTheEventsAfterItsOffsetNotTheTagsWholeHistory() throws Exception {
    Path dir = Files.createTempDirectory("indexed-tag-dao");
    String url = "jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
    EmbeddedJournalSchema.ensure(url, "sa", "");
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\", "
            + "\"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") "
            + "SELECT 'Strategy|s' || MOD(X, 100), X, 'w', X, '', X'00', 1, 'm' FROM SYSTEM_RANGE(1, " + HISTORY + ")");
        statement.execute("INSERT INTO \"event_tag\" SELECT \"ordering\", 'Strategy-' || MOD(\"ordering\", 4) "
            + "FROM \"event_journal\"");
      }
      long offset = HISTORY - 200;

      List<Long> found = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(IndexedTagReadJournalDao.EVENTS_BY_TAG)) {
        bind(query, offset);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            found.add(rows.getLong("ordering"));
          }
        }
      }
      String plan;
      try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE "
          + IndexedTagReadJournalDao.EVENTS_BY_TAG)) {
        bind(explain, offset);
        try (ResultSet rows = explain.executeQuery()) {
          rows.next();
          plan = rows.getString(1);
        }
      }

      assertEquals(50, found.size(), "every fourth of the 200 events after the offset");
      assertEquals(offset + 2, found.get(0), "the first with the tag after the offset");
      assertFalse(plan.contains("tableScan"), plan);
      Matcher counts = SCAN_COUNT.matcher(plan);
      long scanned = 0;
      while (counts.find()) {
        scanned = Math.max(scanned, Long.parseLong(counts.group(1)));
      }
      assertTrue(scanned <= 202, "rows scanned by the largest step: " + scanned + "\n" + plan);
    }
  }

  /** The tag of every fourth event, from the offset to the end, at most 1,000 rows. */
  private static void bind(PreparedStatement query, long offset) throws Exception {
    query.setLong(1, offset);
    query.setLong(2, HISTORY);
    query.setString(3, "Strategy-2");
    query.setLong(4, 1_000);
  }
}
