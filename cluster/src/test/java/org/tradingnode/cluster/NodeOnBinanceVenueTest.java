package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradingnode.core.testing.Await;

/**
 * The node with {@code VENUE=binance} trading through the Binance connector on the venue simulator,
 * each in its own JVM. The node is killed with open orders at the venue and restarted on the same
 * data while the venue goes on (one order is cancelled there by another client meanwhile, others may
 * fill); afterwards the node and the venue agree order by order, no client order id reached the
 * venue twice, none is missing on either side, and the positions are what the venue's balances say
 * was filled; the node's logs show its orders and never the API key. The simulator's market steps every 25 ms,
 * four times its default pace, so that orders resting near the market fill within seconds. The steps build
 * on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeOnBinanceVenueTest {
  private static final String ACCOUNT = "main";
  /** The demo account's starting balances at the venue. */
  private static final Map<String, BigDecimal> VENUE_START = Map.of("USDT", new BigDecimal("100000"),
      "BTC", BigDecimal.ONE, "ETH", BigDecimal.TEN, "SOL", new BigDecimal("100"));
  private static final Map<String, String> BASE_ASSET = Map.of("BTCUSDT", "BTC", "ETHUSDT", "ETH", "SOLUSDT", "SOL");
  /** The strategies created to rest limit orders, in the order of preference for the cancel while down. */
  private static final List<String> RESTING = List.of("resting-eth", "nearby-btc", "resting-sol");
  private static final Set<String> HELD_BY_VENUE = Set.of("ACCEPTED", "PARTIALLY_FILLED");

  private Path dataDir;
  private SimulatorProcess venue;
  private Map<String, String> env;
  private NodeProcess node;
  /** The logs of the node's processes, in the order they started. */
  private final List<Path> logs = new ArrayList<>();
  private ApiClient api;
  private Set<String> openWhenKilled;
  private int filledWhenKilled;

  @BeforeAll
  void startVenueAndNode() throws Exception {
    dataDir = Files.createTempDirectory("trading-node-binance").resolve("data");
    venue = SimulatorProcess.start(dataDir, "tick-interval = 25ms");
    // The paper market feed keeps its default pace: nothing here trades on it.
    env = venue.nodeEnv();
    startNode();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    if (venue != null) {
      venue.close();
    }
  }

  @Test
  @Order(1)
  void demoStrategiesTradeOnTheVenueThroughTheBinanceConnector() {
    ApiClient.until(() -> api.get("/api/v1/orders?status=FILLED"), a -> a.body().size() >= 3, 240,
        "demo strategies to fill orders at the venue");

    JsonNode strategies = api.get("/api/v1/strategies").body();
    assertTrue(strategies.size() >= 3, strategies.toString());
    strategies.forEach(s -> {
      assertEquals("binance", s.get("exchange").asText(), s.toString());
      assertEquals(ACCOUNT, s.get("account").asText(), s.toString());
    });
    // The node's fills first: whatever the node saw filled, the venue had filled before.
    JsonNode filled = api.get("/api/v1/orders?status=FILLED").body();
    Map<String, String> atVenue = venueExecution();
    filled.forEach(o -> {
      assertEquals("binance", o.get("exchange").asText(), o.toString());
      String there = atVenue.get(o.get("clientOrderId").asText());
      assertTrue(there != null && there.startsWith("FILLED "), o + " at the venue: " + there);
      assertEquals(0, new BigDecimal(there.substring("FILLED ".length())).compareTo(filledQty(o)), o + " " + there);
    });
  }

  @Test
  @Order(2)
  void limitOrdersRestAtTheVenue() {
    // 4 % and 2 % below the market: stay open a while (the one at 2 % is cancelled at the venue while
    // the node is down). 0.1 % below: fills within seconds, exits on a cross down and enters again,
    // so one of its orders is likely to fill while the node is down.
    createRestingStrategy("resting-sol", "SOLUSDT", "0.04");
    createRestingStrategy("resting-eth", "ETHUSDT", "0.02");
    createRestingStrategy("nearby-btc", "BTCUSDT", "0.001");

    for (String strategy : RESTING) {
      ApiClient.until(() -> api.get("/api/v1/orders?status=open&strategy=" + strategy),
          a -> any(a.body(), o -> o.get("type").asText().equals("LIMIT") && restingAtVenue(o)), 240,
          "a limit order of " + strategy + " resting at the venue");
    }
  }

  @Test
  @Order(3)
  void afterKillMinusNineWithOpenOrdersTheRestartedNodeReconcilesWithTheVenue() throws Exception {
    filledWhenKilled = api.get("/api/v1/orders?status=FILLED").body().size();
    JsonNode open = api.get("/api/v1/orders?status=open").body();

    node.kill();
    openWhenKilled = new TreeSet<>();
    open.forEach(o -> {
      if (HELD_BY_VENUE.contains(o.get("status").asText())) {
        openWhenKilled.add(o.get("clientOrderId").asText());
      }
    });
    assertFalse(openWhenKilled.isEmpty(), "orders the venue held when the node was killed: " + open);
    // While the node is down another client with the same keys cancels one of them; the restarted
    // node can only learn that from the venue. Meanwhile the market moves and the others may fill.
    String canceledWhileDown = cancelOneAtTheVenue(open);
    Thread.sleep(2_000); // only lets the market move while the node is down; nothing is concluded from it
    List<String> changedWhileDown = mismatches(open, venueExecution(), openWhenKilled);
    startNode();

    ApiClient.until(() -> api.get("/api/v1/orders"), a -> mismatches(a.body(), venueExecution(), openWhenKilled)
        .isEmpty(), 240, "the orders open at the kill to be as the venue has them");
    assertNotNull(canceledWhileDown, "a resting order left untouched at the venue to cancel while the node was down");
    JsonNode canceled = byClientOrderId(api.get("/api/v1/orders").body()).get(canceledWhileDown);
    assertEquals("CANCELED", canceled.get("status").asText(), canceled.toString());
    ApiClient.until(() -> api.get("/api/v1/orders?status=FILLED"), a -> a.body().size() > filledWhenKilled, 240,
        "orders to fill again after the restart");
    System.out.println("open at the kill: " + openWhenKilled + "; changed at the venue while the node was down: "
        + changedWhileDown);
  }

  @Test
  @Order(4)
  void afterAnEmergencyStopTheNodeAndTheVenueAgreeOnEveryOrderAndPosition() throws Exception {
    assertEquals(200, api.post("/api/v1/emergency-stop", "{\"reason\": \"compare with the venue\"}").status());
    ApiClient.until(() -> api.get("/api/v1/orders?status=open"), a -> a.body().isEmpty(), 240,
        "no open order left at the node");
    ApiClient.until(() -> venue.api.get("/admin/state"), a -> venueExecution(a.body()).values().stream()
        .noneMatch(NodeOnBinanceVenueTest::openAtVenue), 240, "no open order left at the venue");
    // Reports may still be on their way to the strategies: give them time, then check every detail.
    Await.until("the node and the venue to agree", () -> disagreements(api.get("/api/v1/orders").body()),
        List::isEmpty, ApiClient.PACE.multipliedBy(120), ApiClient.PACE);

    JsonNode orders = api.get("/api/v1/orders").body();
    JsonNode state = venue.adminState();
    Map<String, Integer> accepted = new TreeMap<>();
    state.get("orders").get(SimulatorProcess.ACCOUNT).properties()
        .forEach(e -> accepted.put(e.getKey(), e.getValue().asInt()));
    Map<String, String> execution = venueExecution(state);
    Map<String, JsonNode> atNode = byClientOrderId(orders);

    assertEquals(orders.size(), atNode.size(), "a client order id twice at the node: " + orders);
    accepted.forEach((id, times) -> assertEquals(1, times, id + " was accepted by the venue " + times + " times"));
    Set<String> sentAndHeld = new TreeSet<>();
    atNode.forEach((id, o) -> {
      if (!o.get("status").asText().equals("REJECTED")) {
        sentAndHeld.add(id);
      }
    });
    assertEquals(sentAndHeld, accepted.keySet(),
        "the venue holds exactly the node's orders that were not rejected (venue refusals never reach its book)");
    assertEquals(accepted.keySet(), execution.keySet());
    assertEquals(List.of(), mismatches(orders, execution, accepted.keySet()));
    assertTrue(openWhenKilled.stream().allMatch(accepted::containsKey), "every order open at the kill is at the venue");

    Map<String, BigDecimal> positions = netPositions();
    Map<String, BigDecimal> balances = venue.balances();
    BASE_ASSET.forEach((symbol, asset) -> {
      BigDecimal change = balances.getOrDefault(asset, BigDecimal.ZERO).subtract(VENUE_START.get(asset));
      BigDecimal held = positions.getOrDefault(symbol, BigDecimal.ZERO);
      assertEquals(0, held.compareTo(change), symbol + ": the node holds " + held + ", the venue's " + asset
          + " balance changed by " + change + " (positions " + positions + ", balances " + balances + ")");
    });
    assertEquals("HALTED", api.get("/api/v1/mode").body().get("mode").asText());
  }

  @Test
  @Order(5)
  void theNodesLogsShowItsOrdersOnTheVenueAndNeverTheApiKeyOrSecret() throws Exception {
    String written = NodeProcess.readAll(logs);

    assertTrue(written.contains("INFO  trading.orders  ACCEPTED  "), logs.toString());
    assertTrue(written.contains(" binance:BTCUSDT ") || written.contains(" binance:ETHUSDT ")
        || written.contains(" binance:SOLUSDT "), logs.toString());
    assertTrue(written.contains("WARN  trading.mode    HALTED (was RUNNING): compare with the venue"), logs.toString());
    assertFalse(written.contains(SimulatorProcess.API_KEY), "the API key in " + logs);
    assertFalse(written.contains(SimulatorProcess.API_SECRET), "the API secret in " + logs);
  }

  private void startNode() throws Exception {
    node = NodeProcess.start(dataDir, env);
    logs.add(node.log);
    api = new ApiClient(node.httpPort);
    ApiClient.until(() -> api.get("/ready"), a -> a.status() == 200, 240, "the node to be ready (log: " + node.log
        + ", venue log: " + venue.log + ")");
  }

  private void createRestingStrategy(String id, String symbol, String entryLimitOffset) {
    ApiClient.Answer created = api.post("/api/v1/strategies", """
        {"id": "%s", "type": "momentum", "account": "main", "exchange": "binance", "symbols": ["%s"],
         "params": {"fastPeriod": 2, "slowPeriod": 3, "orderNotional": 500, "entryLimitOffset": %s,
                    "exitOnCrossDown": true}}""".formatted(id, symbol, entryLimitOffset));
    assertEquals(201, created.status(), String.valueOf(created.body()));
  }

  private boolean restingAtVenue(JsonNode order) {
    String there = venueExecution().get(order.get("clientOrderId").asText());
    return there != null && openAtVenue(there);
  }

  /** Whether the venue's "status executedQty" is of an order it still holds. */
  private static boolean openAtVenue(String execution) {
    return execution.startsWith("NEW ") || execution.startsWith("PARTIALLY_FILLED ");
  }

  /** Where the node's orders and positions disagree with the venue right now, each with both sides. */
  private List<String> disagreements(JsonNode orders) {
    Map<String, String> execution = venueExecution();
    Map<String, BigDecimal> positions = netPositions();
    Map<String, BigDecimal> balances = venue.balances();
    List<String> disagreements = new ArrayList<>(mismatches(orders, execution, execution.keySet()));
    BASE_ASSET.forEach((symbol, asset) -> {
      BigDecimal held = positions.getOrDefault(symbol, BigDecimal.ZERO);
      BigDecimal change = balances.getOrDefault(asset, BigDecimal.ZERO).subtract(VENUE_START.get(asset));
      if (held.compareTo(change) != 0) {
        disagreements.add(symbol + ": the node holds " + held + ", the venue's " + asset + " balance changed by "
            + change);
      }
    });
    return disagreements;
  }

  /**
   * The orders among {@code ids} whose status or filled quantity differ between the node and the
   * venue (the venue's NEW is the node's ACCEPTED), each described with both sides.
   */
  private static List<String> mismatches(JsonNode nodeOrders, Map<String, String> execution, Set<String> ids) {
    Map<String, JsonNode> atNode = byClientOrderId(nodeOrders);
    List<String> differ = new ArrayList<>();
    for (String id : ids) {
      JsonNode mine = atNode.get(id);
      String theirs = execution.get(id);
      if (mine == null || theirs == null) {
        differ.add(id + ": node " + mine + ", venue " + theirs);
        continue;
      }
      String[] statusAndQty = theirs.split(" ");
      String venueStatus = statusAndQty[0].equals("NEW") ? "ACCEPTED" : statusAndQty[0];
      if (!mine.get("status").asText().equals(venueStatus)
          || filledQty(mine).compareTo(new BigDecimal(statusAndQty[1])) != 0) {
        differ.add(id + ": node " + mine.get("status").asText() + " " + filledQty(mine) + ", venue " + theirs);
      }
    }
    return differ;
  }

  /** The node's position per symbol on the account, summed over its strategies. */
  private Map<String, BigDecimal> netPositions() {
    Map<String, BigDecimal> net = new TreeMap<>();
    api.get("/api/v1/positions?account=" + ACCOUNT).body().forEach(p -> net.merge(p.get("symbol").asText(),
        new BigDecimal(p.get("quantity").asText()), BigDecimal::add));
    return net;
  }

  private Map<String, String> venueExecution() {
    return venueExecution(venue.adminState());
  }

  private static Map<String, String> venueExecution(JsonNode state) {
    Map<String, String> execution = new TreeMap<>();
    state.get("execution").get(SimulatorProcess.ACCOUNT).properties()
        .forEach(e -> execution.put(e.getKey(), e.getValue().asText()));
    return execution;
  }

  private static Map<String, JsonNode> byClientOrderId(JsonNode orders) {
    Map<String, JsonNode> byId = new TreeMap<>();
    orders.forEach(o -> byId.put(o.get("clientOrderId").asText(), o));
    return byId;
  }

  private static BigDecimal filledQty(JsonNode order) {
    return new BigDecimal(order.get("filledQty").asText());
  }

  private static boolean any(JsonNode array, Predicate<JsonNode> p) {
    for (JsonNode item : array) {
      if (p.test(item)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cancels at the venue one order open at the kill that the venue still holds untouched, of the
   * first resting strategy that has one (normally the ETH order); null if there is none.
   */
  private String cancelOneAtTheVenue(JsonNode openAtKill) {
    Map<String, String> execution = venueExecution();
    for (String strategy : RESTING) {
      for (JsonNode order : openAtKill) {
        String id = order.get("clientOrderId").asText();
        if (order.get("strategyId").asText().equals(strategy) && openWhenKilled.contains(id)
            && "NEW 0".equals(execution.get(id))) {
          ApiClient.Answer canceled = venue.cancel(order.get("symbol").asText(), id);
          assertEquals(200, canceled.status(), id + ": " + canceled.body());
          assertEquals("CANCELED", canceled.body().get("status").asText(), canceled.body().toString());
          return id;
        }
      }
    }
    return null;
  }
}
