package org.tradingnode.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The embedded profile on a real H2 file in a temp directory; edits go through plain SQL. */
final class H2Journal implements JournalUnderTest {
  private final Config config;
  private final String url;

  H2Journal(Path dataDir) {
    this.config = NodeProfiles.load("embedded", ConfigFactory.parseString(
        "trading.data-dir = \"" + dataDir.toString().replace("\\", "/") + "\""));
    this.url = config.getString("pekko-persistence-jdbc.shared-databases.trading.db.url");
    EmbeddedJournalSchema.ensure(url, "sa", "");
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public String readJournalPluginId() {
    return "jdbc-read-journal";
  }

  @Override
  public void editStoredEvent(String persistenceId, long sequenceNumber, String original, String replacement)
      throws Exception {
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
        update.setBytes(1, StoredBytes.replace(stored, original, replacement));
        update.setString(2, persistenceId);
        update.setLong(3, sequenceNumber);
        update.executeUpdate();
      }
    }
  }
}
