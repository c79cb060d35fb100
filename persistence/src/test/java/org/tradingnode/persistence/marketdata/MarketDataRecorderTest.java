package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

/** The recorder in front of the file store on real files. */
class MarketDataRecorderTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant FROM = Instant.parse("2026-03-14T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");
  private static final MarketRecordingSettings SETTINGS = new MarketRecordingSettings(true, 100, 10,
      Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(100));

  @TempDir
  Path dataDir;
  private FileMarketDataStore files;
  private MarketDataRecorder recorder;

  @BeforeEach
  void openStore() {
    files = FileMarketDataStore.create(KIT.system(), dataDir.resolve("market-data"));
  }

  @AfterEach
  void stopRecorder() throws Exception {
    if (recorder != null) {
      recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  @Test
  void recordedEventsAcrossAUtcMidnightReplayEqualAndInOrder() throws Exception {
    recorder = MarketDataRecorder.start(KIT.system(), files, SETTINGS);
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();

    events.forEach(event -> assertTrue(recorder.record("paper", event)));
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(events, replay(files));
    assertEquals(events.size(), recorder.counters().written());
    assertEquals(0, recorder.counters().dropped());
  }

  @Test
  @Timeout(60)
  void aBurstLargerThanTheBufferIsDroppedAndCountedWhileTheStoreStalls() throws Exception {
    GatedStore stalled = new GatedStore(files);
    recorder = MarketDataRecorder.start(KIT.system(), stalled, SETTINGS);
    List<MarketEvent> burst = SampleMarketEvents.trades(SampleMarketEvents.MIDNIGHT.toEpochMilli(), 5_000);
    List<MarketEvent> taken = new ArrayList<>();

    for (MarketEvent event : burst) {
      if (recorder.record("paper", event)) {
        taken.add(event);
      }
    }

    assertFalse(stalled.isOpen());
    RecorderCounters counters = recorder.counters();
    assertTrue(counters.dropped() > 0, counters.toString());
    assertEquals(burst.size(), counters.accepted() + counters.dropped());
    assertEquals(taken.size(), counters.accepted());
    stalled.open();
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(taken, replay(files));
    assertEquals(taken.size(), counters.written());
  }

  @Test
  void aFailedWriteIsCountedAndRecordingResumesAfterBackoff() throws Exception {
    Path venueDirectory = dataDir.resolve("market-data/paper");
    Files.createDirectories(venueDirectory.getParent());
    Files.writeString(venueDirectory, "a file where the venue's directory belongs");
    recorder = MarketDataRecorder.start(KIT.system(), files, SETTINGS);
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();

    recorder.record("paper", events.get(0));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(1, recorder.counters().failedWrites());
      return null;
    });
    Files.delete(venueDirectory);
    events.subList(1, events.size()).forEach(event -> recorder.record("paper", event));
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(events.subList(1, events.size()), replay(files));
    assertEquals(1, recorder.counters().lost());
    assertEquals(events.size() - 1, recorder.counters().written());
  }

  @Test
  void anEventWhoseNamesCannotNameAFileIsRejectedAndCounted() throws Exception {
    recorder = MarketDataRecorder.start(KIT.system(), files, SETTINGS);

    boolean badVenue = recorder.record("../etc", SampleMarketEvents.aroundMidnight().get(0));
    boolean badSymbol = recorder.record("paper", new Trade("BTC/USDT", FROM.toEpochMilli(), 1, 1, 1, Side.BUY));
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertFalse(badVenue || badSymbol);
    assertEquals(2, recorder.counters().rejected());
    assertEquals(0, recorder.counters().written());
    assertFalse(Files.exists(dataDir.resolve("etc")));
  }

  @Test
  void eventsHandedOverAfterStopAreDroppedAndCounted() throws Exception {
    recorder = MarketDataRecorder.start(KIT.system(), files, SETTINGS);
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);

    boolean taken = recorder.record("paper", SampleMarketEvents.aroundMidnight().get(0));

    assertFalse(taken);
    assertEquals(1, recorder.counters().dropped());
  }

  private static List<MarketEvent> replay(MarketDataStore store) throws Exception {
    return store.replay("paper", SampleMarketEvents.SYMBOL, FROM, TO).runWith(Sink.seq(), KIT.system())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
