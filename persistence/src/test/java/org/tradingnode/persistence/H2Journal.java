package org.tradingnode.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;

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
    return JournalProfile.EMBEDDED.readJournalPluginId();
  }

  @Override
  public void editStoredEvent(String persistenceId, long sequenceNumber, String original, String replacement)
      throws Exception {
    StoredEventEdits.onH2(url, persistenceId, sequenceNumber, original, replacement);
  }
}
