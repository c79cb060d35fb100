package org.tradingnode.persistence;

import com.typesafe.config.Config;
import java.util.Optional;

/**
 * The node's persistence profile, known from {@code pekko.persistence.journal.plugin}: it decides which
 * read journal reads the journal, where the read side keeps its tables and where market data is recorded.
 */
public enum JournalProfile {
  EMBEDDED("jdbc-journal", "jdbc-read-journal"),
  CASSANDRA("pekko.persistence.cassandra.journal", "pekko.persistence.cassandra.query");

  private final String journalPluginId;
  private final String readJournalPluginId;

  JournalProfile(String journalPluginId, String readJournalPluginId) {
    this.journalPluginId = journalPluginId;
    this.readJournalPluginId = readJournalPluginId;
  }

  /** The profile of the configured journal; IllegalArgumentException for a journal the node does not know. */
  public static JournalProfile of(Config config) {
    return find(config).orElseThrow(() -> new IllegalArgumentException("no persistence profile has the journal plugin '"
        + config.getString("pekko.persistence.journal.plugin") + "' (known: " + EMBEDDED.journalPluginId + ", "
        + CASSANDRA.journalPluginId + ")"));
  }

  /** The profile of the configured journal, empty for any other journal (e.g. an in-memory one in tests). */
  public static Optional<JournalProfile> find(Config config) {
    String plugin = config.getString("pekko.persistence.journal.plugin");
    for (JournalProfile profile : values()) {
      if (profile.journalPluginId.equals(plugin)) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }

  public String readJournalPluginId() {
    return readJournalPluginId;
  }
}
