package org.tradingnode.cluster;

import java.nio.file.Path;
import java.util.Map;
import org.tradingnode.persistence.StoredEventEdits;

/** The end-to-end scenario on the embedded profile: a real H2 file under the node's data directory. */
class NodeEndToEndOnH2Test extends NodeEndToEndContract {
  @Override
  Map<String, String> journalEnv() {
    return Map.of("PERSISTENCE", "embedded");
  }

  @Override
  void editStoredEvent(Path dataDir, String persistenceId, long sequenceNumber, String original,
      String replacement) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("journal").resolve("trading") + ";WRITE_DELAY=0";
    StoredEventEdits.onH2(url, persistenceId, sequenceNumber, original, replacement);
  }

  @Override
  boolean editNeedsNodeStopped() {
    return true;
  }
}
