package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
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

  /**
   * After the SIGTERM of the contract's last test: H2 closed the journal's and the read side's files, the
   * last step of which (after its compaction on close) marks the store header clean. A file still open
   * when the JVM exited is neither.
   */
  @Test
  @Order(13)
  void afterTheSigtermTheJournalsAndTheReadSidesFilesWereClosedByH2() throws Exception {
    assertFalse(node.isAlive(), "the node still runs");

    assertTrue(storeHeader(dataDir.resolve("journal").resolve("trading.mv.db")).contains(",clean:1,"),
        "journal header: " + storeHeader(dataDir.resolve("journal").resolve("trading.mv.db")));
    assertTrue(storeHeader(dataDir.resolve("read-side").resolve("read-side.mv.db")).contains(",clean:1,"),
        "read side header: " + storeHeader(dataDir.resolve("read-side").resolve("read-side.mv.db")));
  }

  /** The first line of an H2 file: its store header, {@code H:2,block:...,clean:1,...} once closed. */
  private static String storeHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String start = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1);
      return start.substring(0, Math.max(0, start.indexOf('\n')));
    }
  }

  @Override
  MarketDataStore recordedMarketData(ActorSystem<?> system, Path dataDir) {
    return FileMarketDataStore.create(system, dataDir.resolve("market-data"));
  }
}
