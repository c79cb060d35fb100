package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.domain.market.MarketEvent;

/** The file store on real files in a temporary directory. */
class FileMarketDataStoreTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Instant ALL_FROM = Instant.parse("2026-03-14T00:00:00Z");
  private static final Instant ALL_TO = Instant.parse("2026-03-16T00:00:00Z");
  private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-14");
  private static final LocalDate SECOND_DAY = LocalDate.parse("2026-03-15");

  @TempDir
  Path dataDir;
  private FileMarketDataStore store;

  @BeforeEach
  void openStore() {
    store = FileMarketDataStore.create(KIT.system(), dataDir.resolve("market-data"));
  }

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  @Test
  void eventsAcrossAUtcMidnightReplayEqualAndInRecordedOrder() throws Exception {
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();

    write(events.subList(0, 3));
    write(events.subList(3, events.size()));

    assertEquals(events, replay(ALL_FROM, ALL_TO));
    assertEquals(0, store.skippedRecords());
  }

  @Test
  void eachUtcDayHasItsOwnFileWithOneRecordPerLine() throws Exception {
    write(SampleMarketEvents.aroundMidnight());

    Path firstDay = dataDir.resolve("market-data/paper/BTCUSDT/2026-03-14.jsonl");
    Path secondDay = dataDir.resolve("market-data/paper/BTCUSDT/2026-03-15.jsonl");
    assertEquals(firstDay, store.fileOf("paper", "BTCUSDT", FIRST_DAY));
    assertEquals(secondDay, store.fileOf("paper", "BTCUSDT", SECOND_DAY));
    assertEquals(4, Files.readAllLines(firstDay).size());
    assertEquals(4, Files.readAllLines(secondDay).size());
  }

  @Test
  void aTornLastLineIsSkippedAndCounted() throws Exception {
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();
    write(events);
    byte[] record = new MarketEventCodec().encode(events.get(0));
    appendRaw(store.fileOf("paper", "BTCUSDT", SECOND_DAY), Arrays.copyOf(record, record.length / 2));

    List<MarketEvent> replayed = replay(ALL_FROM, ALL_TO);

    assertEquals(events, replayed);
    assertEquals(1, store.skippedRecords());
  }

  @Test
  void recordsWrittenAfterATornLineStartOnALineOfTheirOwn() throws Exception {
    List<MarketEvent> before = SampleMarketEvents.aroundMidnight();
    write(before);
    byte[] record = new MarketEventCodec().encode(before.get(0));
    appendRaw(store.fileOf("paper", "BTCUSDT", SECOND_DAY), Arrays.copyOf(record, record.length - 1));
    List<MarketEvent> after = SampleMarketEvents.trades(SampleMarketEvents.MIDNIGHT.toEpochMilli() + 10, 3);

    write(after);

    List<MarketEvent> expected = new ArrayList<>(before);
    expected.addAll(after);
    assertEquals(expected, replay(ALL_FROM, ALL_TO));
    assertEquals(1, store.skippedRecords());
  }

  @Test
  void aReplayReturnsOnlyEventsFromItsStartUpToButExcludingItsEnd() throws Exception {
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();
    write(events);

    Instant from = SampleMarketEvents.MIDNIGHT.minusMillis(1);
    Instant to = SampleMarketEvents.MIDNIGHT.plusMillis(1);

    List<MarketEvent> replayed = replay(from, to);

    assertEquals(List.of(events.get(2), events.get(4), events.get(5)), replayed);
  }

  @Test
  void aReplayEndingAtMidnightReadsOnlyTheDayBefore() throws Exception {
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();
    write(events);

    assertEquals(events.subList(0, 4), replay(ALL_FROM, SampleMarketEvents.MIDNIGHT));
  }

  @Test
  void daysWithoutRecordingsReplayNothing() throws Exception {
    assertEquals(List.of(), replay(ALL_FROM, ALL_TO));
    assertEquals(List.of(), replay(ALL_TO, ALL_FROM));
  }

  @Test
  void venuesAndSymbolsAreKeptApart() throws Exception {
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();
    write(events);
    store.write(SampleMarketEvents.recorded("binance", events.subList(0, 2)))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(events, replay(ALL_FROM, ALL_TO));
    assertEquals(events.subList(0, 2),
        store.replay("binance", "BTCUSDT", ALL_FROM, ALL_TO).runWith(Sink.seq(), KIT.system())
            .toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertTrue(Files.isDirectory(dataDir.resolve("market-data/binance/BTCUSDT")));
  }

  private void write(List<MarketEvent> events) throws Exception {
    store.write(SampleMarketEvents.recorded("paper", events)).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private List<MarketEvent> replay(Instant from, Instant to) throws Exception {
    return store.replay("paper", SampleMarketEvents.SYMBOL, from, to).runWith(Sink.seq(), KIT.system())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void appendRaw(Path file, byte[] bytes) throws Exception {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }
}
