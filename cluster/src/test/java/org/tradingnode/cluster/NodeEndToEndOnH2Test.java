package org.tradingnode.cluster;

import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.tradingnode.persistence.StoredEventEdits;
import org.tradingnode.persistence.marketdata.FileMarketDataStore;
import org.tradingnode.persistence.marketdata.MarketDataStore;

/**
 * The end-to-end scenario on the embedded profile: a real H2 file under the node's data directory, market
 * data recorded in files beside it.
 */
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

  @Override
  MarketDataStore recordedMarketData(ActorSystem<?> system, Path dataDir) {
    return FileMarketDataStore.create(system, dataDir.resolve("market-data"));
  }
}
