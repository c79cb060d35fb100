package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.persistence.cassandra.TestCassandra;

/**
 * The Cassandra store on a real Cassandra node (the shared test node), in a keyspace of its own that
 * the store creates, with the node's cassandra profile from conf/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraMarketDataStoreTest {
  private static final Instant ALL_FROM = Instant.parse("2026-03-14T00:00:00Z");
  private static final Instant ALL_TO = Instant.parse("2026-03-16T00:00:00Z");
  private ActorTestKit kit;
  private CassandraMarketDataSettings settings;

  @BeforeAll
  void start() {
    Config config = cassandraProfile(TestCassandra.freshKeyspacePrefix("market"));
    kit = ActorTestKit.create("market-data", config);
    settings = CassandraMarketDataSettings.from(config);
  }

  /** The node's cassandra profile on the test node, with its keyspaces named from {@code keyspacePrefix}. */
  private static Config cassandraProfile(String keyspacePrefix) {
    InetSocketAddress node = TestCassandra.shared().contactPoint();
    Config overrides = ConfigFactory.parseString("""
        pekko.actor.provider = local
        pekko.loglevel = WARNING
        pekko.coordinated-shutdown.exit-jvm = off
        trading.cassandra.keyspace-prefix = "%s"
        datastax-java-driver.basic.contact-points = ["%s:%d"]
        datastax-java-driver.basic.request.timeout = 30s
        datastax-java-driver.advanced.connection.init-query-timeout = 30s
        """.formatted(keyspacePrefix, node.getHostString(), node.getPort()));
    return ConfigFactory.load(overrides.withFallback(ConfigFactory.parseResourcesAnySyntax("cassandra")));
  }

  @AfterAll
  void stop() {
    if (kit != null) {
      kit.shutdownTestKit();
    }
  }

  @Test
  void recordedEventsAcrossAUtcMidnightReplayEqualAndInRecordedOrder() throws Exception {
    MarketDataStore store = MarketDataStores.forProfile(kit.system()).orElseThrow();
    MarketDataRecorder recorder = MarketDataRecorder.start(kit.system(), store, new MarketRecordingSettings(true,
        100, 3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2)));
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();

    events.forEach(event -> recorder.record("paper", event));
    recorder.stop().toCompletableFuture().get(60, TimeUnit.SECONDS);

    assertInstanceOf(CassandraMarketDataStore.class, store);
    assertEquals(events.size(), recorder.counters().written(), recorder.counters().toString());
    assertEquals(events, replay(store, "paper", ALL_FROM, ALL_TO));
    assertEquals(0, store.skippedRecords());
  }

  @Test
  void aBatchSpreadOverManyParallelWritesReplaysInItsOrder() throws Exception {
    CassandraMarketDataStore store = newStore(Clock.systemUTC());
    List<MarketEvent> trades = SampleMarketEvents.trades(SampleMarketEvents.MIDNIGHT.toEpochMilli() - 500, 1_000);

    write(store, "burst", trades);

    assertEquals(trades, replay(store, "burst", ALL_FROM, ALL_TO));
  }

  @Test
  void aStoreStartedLaterAppendsAfterWhatAnEarlierOneWrote() throws Exception {
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();
    Instant firstStart = Instant.parse("2026-03-15T08:00:00Z");
    write(newStore(Clock.fixed(firstStart, ZoneOffset.UTC)), "restart", events.subList(0, 5));

    write(newStore(Clock.fixed(firstStart.plusSeconds(5), ZoneOffset.UTC)), "restart",
        events.subList(5, events.size()));

    assertEquals(events, replay(newStore(Clock.systemUTC()), "restart", ALL_FROM, ALL_TO));
  }

  @Test
  void aReplayReturnsOnlyItsVenueAndTimeRange() throws Exception {
    CassandraMarketDataStore store = newStore(Clock.systemUTC());
    List<MarketEvent> events = SampleMarketEvents.aroundMidnight();
    write(store, "range", events);
    write(store, "range-other", events.subList(0, 2));

    List<MarketEvent> replayed = replay(store, "range", SampleMarketEvents.MIDNIGHT.minusMillis(1),
        SampleMarketEvents.MIDNIGHT.plusMillis(1));

    assertEquals(List.of(events.get(2), events.get(4), events.get(5)), replayed);
    assertEquals(events.subList(0, 4), replay(store, "range", ALL_FROM, SampleMarketEvents.MIDNIGHT));
    assertEquals(events.subList(0, 2), replay(store, "range-other", ALL_FROM, ALL_TO));
  }

  @Test
  void theJournalStillCreatesItsKeyspacesWhenTheRecorderTakesTheSharedSessionFirst() throws Exception {
    String prefix = TestCassandra.freshKeyspacePrefix("first");
    ActorTestKit node = ActorTestKit.create("recorder-first", cassandraProfile(prefix));
    try {
      MarketDataStore store = MarketDataStores.forProfile(node.system()).orElseThrow();

      write(store, "paper", SampleMarketEvents.aroundMidnight());

      CqlSession session = CassandraSessionRegistry.get(node.system())
          .sessionFor(CassandraSessionSettings.create(CassandraMarketDataStore.SESSION_CONFIG_PATH)).underlying()
          .toCompletableFuture().get(60, TimeUnit.SECONDS);
      for (String keyspace : List.of(prefix, prefix + "_journal", prefix + "_snapshot")) {
        assertNotNull(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?",
            keyspace).one(), keyspace + " was not created");
      }
    } finally {
      node.shutdownTestKit();
    }
  }

  /** A store as a node started at {@code clock}'s time would have it, on the same session. */
  private CassandraMarketDataStore newStore(Clock clock) {
    var session = CassandraSessionRegistry.get(kit.system())
        .sessionFor(CassandraSessionSettings.create(CassandraMarketDataStore.SESSION_CONFIG_PATH));
    return new CassandraMarketDataStore(kit.system(), session::underlying, settings, clock);
  }

  private static void write(MarketDataStore store, String venue, List<MarketEvent> events) throws Exception {
    store.write(new ArrayList<>(SampleMarketEvents.recorded(venue, events))).toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  private List<MarketEvent> replay(MarketDataStore store, String venue, Instant from, Instant to) throws Exception {
    return store.replay(venue, SampleMarketEvents.SYMBOL, from, to).runWith(Sink.seq(), kit.system())
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
