package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.RecipientRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.venue.binance.BinanceCredentials;
import org.tradingnode.core.venue.binance.BinanceMarketStream;
import org.tradingnode.core.venue.binance.BinanceVenueSettings;

/**
 * The market stream against the simulator: the book the symbol entity receives starts from a
 * snapshot and continues without a gap, whatever the venue does: a skipped depth update id or a
 * dropped socket leads to a new snapshot, counted; garbled frames are counted and dropped.
 */
class BinanceMarketStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private SimulatorFixture fixture;
  private ActorTestKit kit;
  private TestProbe<SymbolEntity.Command> symbol;
  private final BinanceMarketStream.Counters counters = new BinanceMarketStream.Counters();
  private final List<MarketEvent> published = new ArrayList<>();

  @BeforeEach
  void setUp() {
    fixture = SimulatorFixture.start();
    fixture.clock.run();
    kit = ActorTestKit.create();
    symbol = kit.createTestProbe();
    var settings = BinanceVenueSettings.of(fixture.simulator.restBaseUrl(), fixture.simulator.streamBaseUrl(),
        new BinanceCredentials(SimulatorAccount.DEMO_API_KEY, SimulatorAccount.DEMO_API_SECRET));
    kit.spawn(BinanceMarketStream.create(List.of(BinanceVenueUnderTest.BTCUSDT), settings, new SymbolsOnly(),
        counters, Clock.systemUTC()));
  }

  @AfterEach
  void tearDown() {
    kit.shutdownTestKit();
    fixture.close();
  }

  @Test
  void theBookStartsFromASnapshotAndContinuesWithoutAGap() {
    awaitSnapshots(1);
    awaitDiffsAfterLastSnapshot(5);

    assertTrue(((BookDelta) published.stream().filter(BookDelta.class::isInstance).findFirst().orElseThrow())
        .snapshot());
    assertContinuous();
    assertTrue(published.stream().anyMatch(Trade.class::isInstance));
  }

  @Test
  void aSkippedDepthUpdateIsCountedAndTheBookRebuiltFromANewSnapshot() throws Exception {
    awaitSnapshots(1);

    fixture.injectFaults("{\"skipDepthUpdateIds\": 3}");
    awaitSnapshots(2);
    awaitDiffsAfterLastSnapshot(3);

    assertTrue(counters.gaps() >= 1, "gaps " + counters.gaps());
    assertEquals(0, counters.reconnects());
    assertContinuous();
  }

  @Test
  void aDroppedSocketReconnectsAndTheBookStartsOverFromASnapshot() throws Exception {
    awaitSnapshots(1);

    fixture.injectFaults("{\"dropSockets\": true}");
    awaitSnapshots(2);
    awaitDiffsAfterLastSnapshot(3);

    assertEquals(1, counters.reconnects());
    assertContinuous();
  }

  @Test
  void garbledFramesAreCountedAndDroppedAndTheStreamKeepsDelivering() throws Exception {
    awaitSnapshots(1);

    fixture.injectFaults("""
        {"sendRawFrames": ["{\\"stream\\": \\"btcusdt@trade\\", \\"data\\": {\\"e\\": \\"trade\\", \\"s\\": ",
                           "{\\"stream\\": \\"btcusdt@depth@100ms\\", \\"data\\": {\\"e\\": \\"depthUpdate\\", \\"s\\": \\"BTCUSDT\\", \\"U\\": \\"one\\"}}",
                           "{\\"stream\\": \\"btcusdt@kline_1m\\", \\"data\\": {\\"e\\": \\"kline\\"}}"]}""");
    Await.until("the garbled frames to be counted", () -> new Counted(counters.malformed(), counters.unknown()),
        new Counted(2, 1)::equals, Duration.ofSeconds(10));
    int before = published.size();
    awaitDiffsAfterLastSnapshot(published.stream().filter(e -> e instanceof BookDelta d && !d.snapshot()).count() + 3);

    assertTrue(published.size() > before);
    assertEquals(1, counters.snapshots());
    assertContinuous();
  }

  /** Every diff the symbol received continues the book it had: from the last snapshot, no id left out. */
  private void assertContinuous() {
    long last = -1;
    for (MarketEvent event : published) {
      if (event instanceof BookDelta d) {
        if (d.snapshot()) {
          last = d.lastUpdateId();
        } else {
          assertTrue(last >= 0 && d.firstUpdateId() <= last + 1 && d.lastUpdateId() >= last + 1,
              "diff " + d.firstUpdateId() + ".." + d.lastUpdateId() + " after " + last);
          last = d.lastUpdateId();
        }
      }
    }
  }

  private void awaitSnapshots(long count) {
    receiveUntil(() -> published.stream().filter(e -> e instanceof BookDelta d && d.snapshot()).count() >= count);
  }

  private void awaitDiffsAfterLastSnapshot(long count) {
    receiveUntil(() -> {
      long diffs = 0;
      for (MarketEvent e : published) {
        if (e instanceof BookDelta d) {
          diffs = d.snapshot() ? 0 : diffs + 1;
        }
      }
      return diffs >= count;
    });
  }

  private void receiveUntil(BooleanSupplier done) {
    if (done.getAsBoolean()) {
      return;
    }
    symbol.fishForMessage(WAIT, m -> {
      if (m instanceof SymbolEntity.PublishMarketData data) {
        published.addAll(data.events());
      }
      return done.getAsBoolean() ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore();
    });
  }

  /** The frames the market stream counted as malformed and as of an unknown kind. */
  private record Counted(long malformed, long unknown) {}

  /** Only the symbol entity is reached by the market stream. */
  private final class SymbolsOnly implements EntityDirectory {
    @Override
    public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
      return symbol.ref();
    }

    @Override
    public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
      throw new UnsupportedOperationException("strategy");
    }

    @Override
    public RecipientRef<RiskEntity.Command> risk(String account) {
      throw new UnsupportedOperationException("risk");
    }

    @Override
    public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
      throw new UnsupportedOperationException("connection");
    }

    @Override
    public RecipientRef<SafetyCoordinator.Command> coordinator() {
      throw new UnsupportedOperationException("coordinator");
    }
  }
}
