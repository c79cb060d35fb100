package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;

/**
 * The node's journal, known from {@code pekko.persistence.journal.plugin}: it decides where the read
 * side keeps its tables and which read journal the projection queries.
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

  public static JournalProfile of(Config config) {
    String plugin = config.getString("pekko.persistence.journal.plugin");
    for (JournalProfile profile : values()) {
      if (profile.journalPluginId.equals(plugin)) {
        return profile;
      }
    }
    throw new IllegalArgumentException("the read side knows no journal plugin '" + plugin + "' (known: "
        + EMBEDDED.journalPluginId + ", " + CASSANDRA.journalPluginId + ")");
  }

  public String readJournalPluginId() {
    return readJournalPluginId;
  }
}
