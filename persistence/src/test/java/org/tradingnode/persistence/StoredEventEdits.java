package org.tradingnode.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Edits one stored event directly in the database, as someone with database access and no business
 * doing so would: text inside the stored bytes is replaced, keeping their length.
 */
public final class StoredEventEdits {
  private StoredEventEdits() {}

  /** Edits the event in the embedded journal's H2 database with plain SQL. */
  public static void onH2(String url, String persistenceId, long sequenceNumber, String original,
      String replacement) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      byte[] stored;
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT \"event_payload\" FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
        select.setString(1, persistenceId);
        select.setLong(2, sequenceNumber);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw new AssertionError("no stored event " + persistenceId + " " + sequenceNumber);
          }
          stored = row.getBytes(1);
        }
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE \"event_journal\" SET \"event_payload\" = ? WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?")) {
        update.setBytes(1, replace(stored, original, replacement));
        update.setString(2, persistenceId);
        update.setLong(3, sequenceNumber);
        update.executeUpdate();
      }
    }
  }

  /**
   * Edits the event in the Cassandra journal's {@code messages} table with CQL (partition 0: the
   * journal starts a new partition only every 500,000 events of one entity).
   */
  public static void onCassandra(CqlSession session, String journalKeyspace, String persistenceId,
      long sequenceNumber, String original, String replacement) {
    Row row = session.execute(SimpleStatement.newInstance("SELECT timestamp, event FROM " + journalKeyspace
        + ".messages WHERE persistence_id = ? AND partition_nr = 0 AND sequence_nr = ?", persistenceId,
        sequenceNumber)).one();
    if (row == null) {
      throw new AssertionError("no stored event " + persistenceId + " " + sequenceNumber);
    }
    ByteBuffer event = row.getByteBuffer("event");
    byte[] stored = new byte[event.remaining()];
    event.get(stored);
    session.execute(SimpleStatement.newInstance("UPDATE " + journalKeyspace + ".messages SET event = ? "
        + "WHERE persistence_id = ? AND partition_nr = 0 AND sequence_nr = ? AND timestamp = ?",
        ByteBuffer.wrap(replace(stored, original, replacement)), persistenceId, sequenceNumber,
        row.getUuid("timestamp")));
  }

  static byte[] replace(byte[] stored, String original, String replacement) {
    if (original.length() != replacement.length()) {
      throw new IllegalArgumentException("the edit must keep the length");
    }
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    if (!text.contains(original)) {
      throw new AssertionError("the stored event does not contain '" + original + "'");
    }
    return text.replace(original, replacement).getBytes(StandardCharsets.ISO_8859_1);
  }
}
