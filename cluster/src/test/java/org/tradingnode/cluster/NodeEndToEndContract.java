package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.persistence.marketdata.MarketDataStore;

/**
 * The node as a user runs it: its own JVM on free ports with a fresh data directory, driven only
 * through the HTTP API, the same on every journal profile. The steps build on each other, in order:
 * trading, a limit breach, bad input, the emergency stop, a kill -9 and restart on the same data,
 * positions against fills and against the strategies' own books, resume, the audit trail (a strategy's,
 * a type's page by page, and a connection's, a symbol's and the coordinator's by the ids their listings
 * show), an event edited in the database named by the chain verification, the market data recorded
 * from the paper feed before and after the kill, and the trading lines of the two nodes' logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class NodeEndToEndContract {
  private Map<String, String> env;
  /** The node's data directory and the node; a profile's own tests look at them after the contract's. */
  Path dataDir;
  NodeProcess node;
  /** The logs of the node's processes, in the order they started (killed in step 5, stopped in step 10). */
  private final List<Path> logs = new ArrayList<>();
  private ApiClient api;
  private Map<String, String> ordersBeforeKill;
  private Map<String, String> positionsBeforeKill;
  private Instant startedAt;
  private Instant restartedAt;

  /** The environment that selects the journal profile, e.g. {@code PERSISTENCE}. */
  abstract Map<String, String> journalEnv() throws Exception;

  /**
   * Edits the stored bytes of one event directly in the database, replacing {@code original} with
   * {@code replacement} of the same length; {@code node} is stopped first when the database is private to it.
   */
  abstract void editStoredEvent(Path dataDir, String persistenceId, long sequenceNumber, String original,
      String replacement) throws Exception;

  /** Whether the node must be stopped while its database is edited (an embedded database). */
  abstract boolean editNeedsNodeStopped();

  /** The store the node of this profile records market data into, read with {@code system}. */
  abstract MarketDataStore recordedMarketData(ActorSystem<?> system, Path dataDir);

  @BeforeAll
  void startNode() throws Exception {
    env = new java.util.HashMap<>(journalEnv());
    env.put("MARKET_TICK_INTERVAL", "50ms");
    dataDir = Files.createTempDirectory("trading-node-e2e").resolve("data");
    startedAt = Instant.now();
    node = NodeProcess.start(dataDir, env);
    logs.add(node.log);
    api = new ApiClient(node.httpPort);
    ApiClient.until(() -> api.get("/ready"), a -> a.status() == 200, 240, "the node to be ready (log: " + node.log + ")");
  }

  @AfterAll
  void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void demoStrategiesTradeOnThePaperExchange() {
    assertEquals(200, api.get("/health").status());
    ApiClient.until(() -> api.get("/api/v1/orders?status=FILLED"), a -> a.body().size() >= 3, 240,
        "demo strategies to fill orders");
    JsonNode strategies = api.get("/api/v1/strategies").body();
    assertTrue(strategies.size() >= 3);
    strategies.forEach(s -> assertEquals("RUNNING", s.get("status").asText(), s.toString()));
    assertEquals(200, api.get("/api/v1/positions?account=demo").status());
  }

  @Test
  @Order(2)
  void anOrderBeyondTheLimitIsDeniedWithTheRulesReason() {
    ApiClient.Answer created = api.post("/api/v1/strategies", """
        {"id": "big-spender", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "params": {"fastPeriod": 2, "slowPeriod": 3, "orderNotional": 20000}}""");
    assertEquals(201, created.status(), String.valueOf(created.body()));
    assertEquals("RUNNING", created.body().get("status").asText());
    assertEquals(200, api.put("/api/v1/risk/demo/limits", limits("15000")).status());
    try {
      JsonNode rejected = ApiClient.until(() -> api.get("/api/v1/orders?strategy=big-spender&status=REJECTED"),
          a -> a.body().size() >= 1, 240, "the oversized order to be denied").body().get(0);
      assertTrue(rejected.get("reason").asText().startsWith("MAX_ORDER_NOTIONAL"), rejected.toString());
      assertEquals("0", rejected.get("filledQty").asText());
    } finally {
      assertEquals(200, api.put("/api/v1/risk/demo/limits", limits("25000")).status());
    }
  }

  /** The default limits of the node's config with {@code maxOrderNotional}. */
  private static String limits(String maxOrderNotional) {
    return """
        {"maxOrderNotional": %s, "maxPositionNotional": 50000, "maxGrossExposure": 90000, "maxOpenOrders": 50,
         "priceBandPercent": 5, "maxOrdersPerMinute": 120, "dailyLossLimit": 5000}""".formatted(maxOrderNotional);
  }

  @Test
  @Order(3)
  void badInputGetsAClearClientErrorAndNeverAServerError() {
    assertError(api.post("/api/v1/strategies", "{not json"), 400, "malformed_json");
    assertError(api.post("/api/v1/strategies", """
        {"id": "x1", "type": "no-such-type", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"]}"""),
        400, "unknown_strategy_type");
    assertError(api.post("/api/v1/strategies", """
        {"id": "x2", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "params": {"orderNotional": -5}}"""), 400, "invalid_strategy");
    assertError(api.post("/api/v1/strategies", """
        {"id": "x3", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "sneaky": true}"""), 400, "unknown_field");
    assertError(api.post("/api/v1/strategies", """
        {"id": "x4", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "params": {"orderNotional": "1"}}"""), 400, "invalid_strategy");
    assertError(api.post("/api/v1/strategies", """
        {"id": "x5", "type": "momentum", "account": "bob", "exchange": "paper", "symbols": ["BTCUSDT"]}"""),
        400, "undeclared_account");
    assertError(api.get("/api/v1/strategies/x4"), 404, "not_found");
    assertError(api.post("/api/v1/strategies", """
        {"id": "big-spender", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"]}"""),
        409, "already_exists");
    assertError(api.get("/api/v1/strategies/no-such-strategy"), 404, "not_found");
    assertError(api.post("/api/v1/strategies/no-such-strategy/start", ""), 404, "not_found");
    assertError(api.get("/api/v1/orders?status=SOMETIMES"), 400, "invalid_status");
    assertError(api.put("/api/v1/risk/demo/limits", """
        {"maxOrderNotional": -1, "maxPositionNotional": 1, "maxGrossExposure": 1, "maxOpenOrders": 1,
         "priceBandPercent": 1, "maxOrdersPerMinute": 1, "dailyLossLimit": 1}"""), 400, "invalid_limit");
    assertError(api.post("/api/v1/emergency-stop", "{}"), 400, "missing_reason");
    assertError(api.get("/api/v1/audit/events?type=planet&id=x"), 400, "invalid_type");
    assertError(api.get("/api/v1/audit/events?type=connection&id=demo"), 400, "invalid_id");
    assertError(api.get("/api/v1/audit/verify?type=symbol&id=BTCUSDT"), 400, "invalid_id");
    assertError(api.get("/api/v1/no-such-path"), 404, "not_found");
    assertEquals("RUNNING", api.get("/api/v1/strategies/big-spender").body().get("status").asText());
  }

  @Test
  @Order(3)
  void aStrategyIsFlattenedThroughRiskThenReconfiguredAndDeleted() {
    assertEquals(201, api.post("/api/v1/strategies", """
        {"id": "flattener", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["SOLUSDT"],
         "params": {"fastPeriod": 2, "slowPeriod": 3, "orderNotional": 300, "takeProfit": "10:1",
                    "stopLoss": 0.9}}""").status());
    ApiClient.until(() -> api.get("/api/v1/strategies/flattener"),
        a -> a.body().get("positions").size() == 1
            && new BigDecimal(a.body().get("positions").get(0).get("quantity").asText()).signum() > 0,
        240, "the strategy to hold a position");
    assertError(api.put("/api/v1/strategies/flattener", "{\"params\": {\"orderNotional\": 400}}"), 409, "conflict");
    assertError(api.delete("/api/v1/strategies/flattener"), 409, "conflict");

    ApiClient.Answer flattened = api.post("/api/v1/strategies/flattener/flatten", "{\"reason\": \"test\"}");

    assertEquals(200, flattened.status(), String.valueOf(flattened.body()));
    assertEquals("STOPPED", flattened.body().get("status").asText());
    JsonNode flat = ApiClient.until(() -> api.get("/api/v1/strategies/flattener"),
        a -> a.body().get("positions").size() == 1
            && new BigDecimal(a.body().get("positions").get(0).get("quantity").asText()).signum() == 0
            && a.body().get("openOrders").asInt() == 0, 120, "the position to be closed").body();
    assertTrue(flat.get("recentlyClosed").toString().contains("\"tag\":\"flatten\""), flat.toString());

    ApiClient.Answer patched = api.patch("/api/v1/strategies/flattener", "{\"params\": {\"orderNotional\": 400}}");
    assertEquals(200, patched.status(), String.valueOf(patched.body()));
    assertEquals("400", patched.body().get("params").get("orderNotional").asText());
    assertEquals("10:1", patched.body().get("params").get("takeProfit").asText());
    assertError(api.patch("/api/v1/strategies/flattener", "{\"params\": {\"orderNotional\": 1}}"), 400,
        "invalid_strategy");

    ApiClient.Answer deleted = api.delete("/api/v1/strategies/flattener");
    assertEquals(200, deleted.status(), String.valueOf(deleted.body()));
    assertEquals("DELETED", deleted.body().get("status").asText());
    assertError(api.get("/api/v1/strategies/flattener"), 404, "not_found");
    ApiClient.until(() -> api.get("/api/v1/strategies?consistent=true"),
        a -> a.status() == 200 && all(a.body(), s -> !s.get("id").asText().equals("flattener")), 60,
        "the deleted strategy to leave the listing");
  }

  @Test
  @Order(4)
  void emergencyStopHaltsEveryStrategyAndCancelsEveryOpenOrder() {
    assertEquals(201, api.post("/api/v1/strategies", """
        {"id": "resting-buyer", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["ETHUSDT"],
         "params": {"fastPeriod": 2, "slowPeriod": 3, "orderNotional": 500, "entryLimitOffset": 0.02}}""").status());
    ApiClient.until(() -> api.get("/api/v1/orders?strategy=resting-buyer&status=ACCEPTED"),
        a -> a.body().size() >= 1, 240, "a resting limit order at the venue");

    ApiClient.Answer halted = api.post("/api/v1/emergency-stop", "{\"reason\": \"end-to-end test\"}");

    assertEquals(200, halted.status(), String.valueOf(halted.body()));
    assertEquals("HALTED", halted.body().get("mode").asText());
    assertEquals(1, halted.body().get("entities").get("nodesAsked").asInt(), String.valueOf(halted.body()));
    JsonNode account = ApiClient.until(() -> api.get("/api/v1/emergency-stop"),
        a -> a.body().get("complete").asBoolean(), 120, "the entities to report the halt complete").body();
    assertEquals(0, account.get("runnersActive").asInt(), account.toString());
    assertEquals(0, account.get("ordersInFlight").asInt(), account.toString());
    assertTrue(account.get("strategiesHalted").asInt() >= 1, account.toString());
    assertTrue(account.get("cancelsSent").asInt() >= 1, "the resting order's cancel: " + account);
    ApiClient.until(() -> api.get("/api/v1/strategies"),
        a -> all(a.body(), s -> !s.get("status").asText().equals("RUNNING")), 120, "every strategy to stop running");
    ApiClient.until(() -> api.get("/api/v1/orders?status=open&consistent=true"), a -> a.body().isEmpty(), 120,
        "no open order left");
    JsonNode restingOrders = api.get("/api/v1/orders?strategy=resting-buyer").body();
    assertTrue(any(restingOrders, o -> o.get("status").asText().equals("CANCELED")), restingOrders.toString());
    api.get("/api/v1/strategies").body().forEach(s -> assertTrue(
        List.of("HALTED", "STOPPED", "FAILED").contains(s.get("status").asText()), s.toString()));
  }

  @Test
  @Order(5)
  void afterKillMinusNineTheRestartedNodeHasTheSameOrdersPositionsAndHaltedMode() throws Exception {
    ordersBeforeKill = orderStates();
    positionsBeforeKill = positionStates();
    int strategiesBeforeKill = api.get("/api/v1/strategies").body().size();

    node.kill();
    node = NodeProcess.start(dataDir, env);
    logs.add(node.log);
    api = new ApiClient(node.httpPort);
    ApiClient.until(() -> api.get("/ready"), a -> a.status() == 200, 240, "the restarted node to be ready");
    restartedAt = Instant.now();

    assertEquals("HALTED", api.get("/api/v1/mode").body().get("mode").asText());
    ApiClient.until(() -> api.get("/api/v1/strategies"), a -> a.body().size() == strategiesBeforeKill, 120,
        "all strategies to be back");
    assertEquals(ordersBeforeKill, orderStates());
    assertEquals(positionsBeforeKill, positionStates());
    api.get("/api/v1/strategies").body().forEach(s -> assertFalse(s.get("status").asText().equals("RUNNING")));
  }

  @Test
  @Order(6)
  void everyPositionIsTheSumOfItsFillsAndWhatItsStrategyReports() {
    ApiClient.until(() -> api.get("/api/v1/positions"), a -> positionsByKey(a.body()).equals(strategyPositions()),
        120, "the read side's positions to equal what the strategies report");
    Map<String, String> reportedByStrategies = strategyPositions();
    Map<String, BigDecimal> filled = new TreeMap<>();
    Map<String, BigDecimal> fees = new TreeMap<>();
    api.get("/api/v1/orders").body().forEach(o -> {
      String key = o.get("strategyId").asText() + "/" + o.get("symbol").asText();
      BigDecimal quantity = new BigDecimal(o.get("filledQty").asText());
      filled.merge(key, o.get("side").asText().equals("BUY") ? quantity : quantity.negate(), BigDecimal::add);
      fees.merge(key, new BigDecimal(o.get("fees").asText()), BigDecimal::add);
    });

    JsonNode positions = api.get("/api/v1/positions").body();

    assertFalse(reportedByStrategies.isEmpty());
    assertEquals(reportedByStrategies.size(), positions.size());
    positions.forEach(p -> {
      String key = p.get("strategyId").asText() + "/" + p.get("symbol").asText();
      assertEquals(0, filled.get(key).compareTo(new BigDecimal(p.get("quantity").asText())), key);
      assertEquals(0, fees.get(key).compareTo(new BigDecimal(p.get("fees").asText())), key);
      BigDecimal net = new BigDecimal(p.get("realizedPnl").asText()).subtract(new BigDecimal(p.get("fees").asText()))
          .add(new BigDecimal(p.get("unrealizedPnl").asText()));
      assertEquals(0, net.compareTo(new BigDecimal(p.get("netPnl").asText())), "net is gross minus fees: " + p);
      assertEquals("USDT", p.get("currency").asText(), p.toString());
    });
  }

  @Test
  @Order(7)
  void resumeBringsHaltedStrategiesBackToRunning() {
    ApiClient.Answer resumed = api.post("/api/v1/resume", "{\"reason\": \"checked after restart\"}");

    assertEquals(200, resumed.status(), String.valueOf(resumed.body()));
    assertEquals("RUNNING", resumed.body().get("mode").asText());
    ApiClient.until(() -> api.get("/api/v1/strategies/demo-btc-momentum"),
        a -> a.body().get("status").asText().equals("RUNNING"), 120, "demo strategy to run again");
  }

  @Test
  @Order(8)
  void theAuditTrailShowsAStrategysJournalEventsInOrder() {
    JsonNode events = api.get("/api/v1/audit/events?type=strategy&id=resting-buyer").body().get("events");

    assertTrue(events.size() >= 4, events.toString());
    assertEquals("StrategyCreated", events.get(0).get("eventType").asText());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).get("sequenceNumber").asLong());
      assertStoredSinceTheStart(events.get(i));
    }
    assertTrue(any(events, e -> e.get("eventType").asText().equals("OrderIntended")));
    assertTrue(any(events, e -> e.get("eventType").asText().equals("StrategyHalted")));
    assertEquals("resting-buyer", events.get(0).get("payload").get("config").get("id").asText());
  }

  @Test
  @Order(11)
  void theHashChainVerifiesAndAnEventEditedInTheDatabaseIsNamed() throws Exception {
    // The strategy runs again since the resume: it may store events between the three calls.
    int storedBefore = allEvents("type=strategy&id=resting-buyer").size();
    JsonNode verified = api.get("/api/v1/audit/verify?type=strategy&id=resting-buyer").body();
    int storedAfter = allEvents("type=strategy&id=resting-buyer").size();
    assertTrue(verified.get("ok").asBoolean(), verified.toString());
    int checked = verified.get("verified").asInt();
    assertTrue(storedBefore <= checked && checked <= storedAfter,
        storedBefore + " <= " + checked + " <= " + storedAfter + " events verified");
    JsonNode created = api.get("/api/v1/audit/events?type=strategy&id=resting-buyer&limit=1").body().get("events")
        .get(0);
    assertEquals(1, created.get("sequenceNumber").asInt());
    assertEquals(64, created.get("hash").asText().length());

    if (editNeedsNodeStopped()) {
      node.close();
    }
    editStoredEvent(dataDir, "Strategy|resting-buyer", 1, "resting-buyer", "resting-buyeX");
    if (editNeedsNodeStopped()) {
      node = NodeProcess.start(dataDir, env);
      logs.add(node.log);
      api = new ApiClient(node.httpPort);
      ApiClient.until(() -> api.get("/ready"), a -> a.status() == 200, 240, "the node to be ready after the edit");
    }

    JsonNode tampered = api.get("/api/v1/audit/verify?type=strategy&id=resting-buyer").body();
    assertFalse(tampered.get("ok").asBoolean(), tampered.toString());
    assertEquals(1, tampered.get("firstMismatch").asInt(), tampered.toString());
    JsonNode untouched = api.get("/api/v1/audit/verify?type=strategy&id=demo-btc-momentum").body();
    assertTrue(untouched.get("ok").asBoolean(), untouched.toString());
    assertError(api.get("/api/v1/audit/verify?type=strategy&id=nobody"), 404, "not_found");
  }

  @Test
  @Order(9)
  void theAuditTrailListsAllStrategiesEventsByTimeRangePageByPage() {
    JsonNode first = api.get("/api/v1/audit/events?type=strategy&limit=3").body();
    assertEquals(3, first.get("events").size(), first.toString());
    String next = first.get("next").asText();
    JsonNode second = ApiClient.until(() -> api.get("/api/v1/audit/events?type=strategy&limit=3&after=" + next),
        a -> a.status() == 200, 30, "the second page").body();
    assertEquals(3, second.get("events").size(), second.toString());
    assertFalse(Instant.parse(first.get("events").get(2).get("timestamp").asText())
        .isAfter(Instant.parse(second.get("events").get(0).get("timestamp").asText())));
    assertError(api.get("/api/v1/audit/events?type=strategy&after=garbage"), 400, "invalid_after");
    assertError(api.get("/api/v1/audit/events?type=strategy&from=yesterday"), 400, "invalid_from");
    assertError(api.get("/api/v1/audit/events?type=strategy&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"),
        400, "invalid_range");
  }

  @Test
  @Order(10)
  void theConnectionTheSymbolAndTheCoordinatorAreAuditedByTheIdsTheirListingsShow() {
    Map<String, String> idByType = Map.of("connection", "paper:demo", "symbol", "paper:BTCUSDT",
        "coordinator", "global");
    for (var entity : idByType.entrySet()) {
      String type = entity.getKey();
      JsonNode listed = api.get("/api/v1/audit/events?type=" + type).body().get("events");
      assertTrue(any(listed, e -> e.get("entityId").asText().equals(entity.getValue())), type + ": " + listed);

      JsonNode events = api.get("/api/v1/audit/events?type=" + type + "&id=" + entity.getValue()).body()
          .get("events");
      JsonNode verified = api.get("/api/v1/audit/verify?type=" + type + "&id=" + entity.getValue()).body();

      assertEquals(1, events.get(0).get("sequenceNumber").asLong(), type + ": " + events);
      events.forEach(e -> {
        assertEquals(entity.getValue(), e.get("entityId").asText(), e.toString());
        assertStoredSinceTheStart(e);
      });
      assertTrue(verified.get("ok").asBoolean(), type + ": " + verified);
      assertTrue(verified.get("verified").asInt() >= events.size(), type + ": " + verified);
      assertEquals(0, verified.get("unchained").asInt(), type + ": " + verified);
    }
    assertEquals(api.get("/api/v1/audit/events?type=coordinator&id=global&limit=1").body(),
        api.get("/api/v1/audit/events?type=coordinator&limit=1").body());
  }

  @Test
  @Order(12)
  void theMarketDataTheNodeReceivedIsRecordedAcrossTheKillAndReplays() throws Exception {
    ActorTestKit kit = ActorTestKit.create();
    try {
      MarketDataStore recording = recordedMarketData(kit.system(), dataDir);

      List<MarketEvent> recorded = kit.createTestProbe().awaitAssert(Duration.ofSeconds(60), Duration.ofMillis(500),
          () -> {
            List<MarketEvent> events = replay(kit, recording);
            assertTrue(events.stream().anyMatch(e -> e.timestamp() > restartedAt.toEpochMilli()), "after restart");
            return events;
          });

      assertTrue(recorded.stream().anyMatch(e -> e.timestamp() < restartedAt.toEpochMilli()), "before the kill");
      recorded.forEach(e -> assertEquals("BTCUSDT", e.symbol(), e.toString()));
      assertTrue(recorded.stream().anyMatch(e -> e instanceof Trade), "trades recorded");
      assertTrue(recorded.stream().anyMatch(e -> e instanceof Quote), "quotes recorded");
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  @Order(13)
  void aSigtermStopsTheLastNodeWithoutWaitingOutItsShardRegionsForMarketDataNobodyCanTake() throws Exception {
    assertTrue(node.stop(60), "the node did not exit by itself after SIGTERM (log: " + node.log + ")");

    String log = Files.readString(node.log);
    assertTrue(log.contains("entities stop talking to each other: this node is the last member"), node.log.toString());
    assertFalse(log.contains("Graceful shutdown of shard region timed out"), node.log.toString());
    assertFalse(log.contains("has shut down unexpectedly"), node.log.toString());
  }

  private List<MarketEvent> replay(ActorTestKit kit, MarketDataStore recording) {
    try {
      return recording.replay("paper", "BTCUSDT", startedAt, Instant.now().plusSeconds(60))
          .runWith(Sink.seq(), kit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot replay the recording", e);
    }
  }

  /** Every order's status and filled quantity, from a read side that holds every event journaled so far. */
  private Map<String, String> orderStates() {
    Map<String, String> states = new TreeMap<>();
    consistent("/api/v1/orders").forEach(o -> states.put(o.get("clientOrderId").asText(),
        o.get("status").asText() + " " + o.get("filledQty").asText()));
    return states;
  }

  private Map<String, String> positionStates() {
    Map<String, String> states = new TreeMap<>();
    consistent("/api/v1/positions").forEach(p -> states.put(p.get("strategyId").asText() + "/"
        + p.get("symbol").asText(), p.get("quantity").asText() + " " + p.get("realizedPnl").asText()));
    return states;
  }

  private JsonNode consistent(String listing) {
    return ApiClient.until(() -> api.get(listing + "?consistent=true"), a -> a.status() == 200, 120,
        "the read side to hold every journaled event").body();
  }

  /** Positions as the strategies report them in their own details (asked of each entity), by strategy/symbol. */
  private Map<String, String> strategyPositions() {
    Map<String, String> positions = new TreeMap<>();
    api.get("/api/v1/strategies").body().forEach(s -> positions.putAll(positionsByKey(
        api.get("/api/v1/strategies/" + s.get("id").asText()).body().get("positions"))));
    return positions;
  }

  /** Every field of each position as JSON text, by strategy/symbol. */
  private static Map<String, String> positionsByKey(JsonNode positions) {
    Map<String, String> byKey = new TreeMap<>();
    positions.forEach(p -> byKey.put(p.get("strategyId").asText() + "/" + p.get("symbol").asText(), p.toString()));
    return byKey;
  }

  @Test
  @Order(13)
  void theLogsShowEachDecisionOnceAcrossTheRestartsAndTheirReplaysAndNoneOfPekkosStartUpChatter() throws Exception {
    String written = NodeProcess.readAll(logs);
    Pattern decision = Pattern.compile("trading\\.orders\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+ @ \\S+\\s+(\\S+)");
    List<String> decisions = new ArrayList<>();
    Matcher matcher = decision.matcher(written);
    while (matcher.find()) {
      decisions.add(matcher.group(1) + " " + matcher.group(2));
    }

    assertTrue(logs.size() >= 2, "a kill and a restart: " + logs);
    assertTrue(decisions.stream().anyMatch(d -> d.startsWith("ACCEPTED demo-")), logs.toString());
    assertTrue(written.contains(" trading.fills   FILLED    demo-"), logs.toString());
    assertTrue(decisions.stream().anyMatch(d -> d.startsWith("DENIED big-spender-")), logs.toString());
    assertTrue(written.contains("MAX_ORDER_NOTIONAL: "), logs.toString());
    assertTrue(decisions.stream().anyMatch(d -> d.startsWith("CANCELED resting-buyer-")), logs.toString());
    assertEquals(1, occurrences(written, " WARN  trading.mode    HALTED (was RUNNING): end-to-end test"),
        logs.toString());
    assertEquals(1, occurrences(written, " INFO  trading.mode    RUNNING (was HALTED): checked after restart"),
        logs.toString());
    Set<String> seen = new HashSet<>();
    assertEquals(List.of(), decisions.stream().filter(d -> !seen.add(d)).toList(), "written twice in " + logs);
    assertFalse(written.contains("No seed nodes found"), "Pekko's INFO is off by default: " + logs);
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  /** Every event of one entity, page by page ({@code next} is the following page's {@code from}). */
  private List<JsonNode> allEvents(String entity) {
    List<JsonNode> events = new ArrayList<>();
    JsonNode page = api.get("/api/v1/audit/events?" + entity).body();
    page.get("events").forEach(events::add);
    while (!page.get("next").isNull()) {
      page = api.get("/api/v1/audit/events?" + entity + "&from=" + page.get("next").asLong()).body();
      page.get("events").forEach(events::add);
    }
    return events;
  }

  /** The event's ISO-8601 time is its epoch milliseconds, and it was stored since this test started the node. */
  private void assertStoredSinceTheStart(JsonNode event) {
    Instant storedAt = Instant.parse(event.get("timestamp").asText());
    assertEquals(storedAt.toEpochMilli(), event.get("timestampMs").asLong(), event.toString());
    assertFalse(storedAt.isBefore(startedAt), event.toString());
  }

  private static void assertError(ApiClient.Answer answer, int status, String code) {
    assertEquals(status, answer.status(), String.valueOf(answer.body()));
    assertEquals(code, answer.body().get("error").asText(), answer.body().toString());
    assertFalse(answer.body().get("message").asText().isBlank());
  }

  private static boolean all(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream().allMatch(p);
  }

  private static boolean any(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream().anyMatch(p);
  }
}
