package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.persistence.marketdata.FileMarketDataStore;
import org.tradingnode.persistence.marketdata.MarketDataRecorder;
import org.tradingnode.persistence.marketdata.MarketRecordingSettings;

/** The feeds' directory in front of a probe standing for the symbol entity, recording into real files. */
class RecordingDirectoryTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  private static final List<MarketEvent> EVENTS = List.of(
      new Quote("BTCUSDT", NOW.toEpochMilli(), 60000.0, 1.5, 60000.01, 0.25),
      new Trade("BTCUSDT", NOW.toEpochMilli() + 1, 42, 60000.01, 0.1, Side.BUY));

  @TempDir
  Path dataDir;
  private final TestProbe<SymbolEntity.Command> entity = KIT.createTestProbe(SymbolEntity.Command.class);
  private FileMarketDataStore store;
  private MarketDataRecorder recorder;
  private RecordingDirectory directory;

  @BeforeEach
  void startRecorder() {
    store = FileMarketDataStore.create(KIT.system(), dataDir.resolve("market-data"));
    recorder = MarketDataRecorder.start(KIT.system(), store, new MarketRecordingSettings(true, 100, 10,
        Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(100)));
    directory = new RecordingDirectory(new SymbolsOnly(entity.ref()), recorder);
  }

  @AfterEach
  void stopRecorder() throws Exception {
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  @Test
  void publishedMarketDataReachesTheEntityAndIsRecordedUnderTheVenueOfTheEntityId() throws Exception {
    SymbolEntity.PublishMarketData published = new SymbolEntity.PublishMarketData(EVENTS);

    directory.symbol("paper:BTCUSDT").tell(published);

    assertEquals(published, entity.receiveMessage());
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(EVENTS, store.replay("paper", "BTCUSDT", NOW, NOW.plusSeconds(1)).runWith(Sink.seq(), KIT.system())
        .toCompletableFuture().get(10, TimeUnit.SECONDS));
  }

  @Test
  void otherCommandsReachTheEntityAndAreNotRecorded() throws Exception {
    TestProbe<SymbolEntity.MarketSnapshot> asker = KIT.createTestProbe(SymbolEntity.MarketSnapshot.class);
    SymbolEntity.GetMarket question = new SymbolEntity.GetMarket(asker.ref());

    directory.symbol("paper:BTCUSDT").tell(question);

    assertEquals(question, entity.receiveMessage());
    recorder.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(0, recorder.counters().accepted());
  }

  /** A directory that knows only the one symbol entity these tests talk to. */
  private record SymbolsOnly(RecipientRef<SymbolEntity.Command> symbolEntity) implements EntityDirectory {
    @Override
    public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
      return symbolEntity;
    }

    @Override
    public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
      throw new UnsupportedOperationException("no strategies here");
    }

    @Override
    public RecipientRef<RiskEntity.Command> risk(String account) {
      throw new UnsupportedOperationException("no risk here");
    }

    @Override
    public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
      throw new UnsupportedOperationException("no connections here");
    }

    @Override
    public RecipientRef<SafetyCoordinator.Command> coordinator() {
      throw new UnsupportedOperationException("no coordinator here");
    }
  }
}
