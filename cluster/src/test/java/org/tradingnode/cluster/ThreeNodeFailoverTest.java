package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradingnode.core.testing.Await;
import org.tradingnode.persistence.cassandra.LocalCassandra;
import org.tradingnode.persistence.cassandra.TestCassandra;

/**
 * Three nodes on the cassandra profile, each its own JVM, trading through the Binance connector on the
 * venue simulator (its own JVM, so it sees every order any node sends), with the real Cassandra node.
 * Thirty {@code paced} strategies offer a steady load. The nodes are then killed with SIGKILL, stopped
 * during a failover and left gracefully with SIGTERM; at the end the venue's records and the journal
 * (through the read side) are compared order by order. The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeFailoverTest {
  private static final int STRATEGIES = 30;
  /** Each strategy offers one order per interval: 30 strategies at 150 ms offer 200 orders/s. */
  private static final int INTERVAL_MILLIS = 150;
  private static final Map<String, String> QUANTITY = Map.of("BTCUSDT", "0.0005", "ETHUSDT", "0.01", "SOLUSDT", "0.5");

  private SimulatorProcess venue;
  private LocalCluster cluster;
  private final List<String> strategyIds = new ArrayList<>();
  /** The node the last step killed, started again by the next. */
  private int killed = -1;
  /** What the steps measured, written for {@code bench/run failover} when {@code failover.results} names a file. */
  private final Map<String, Double> measured = new LinkedHashMap<>();

  @BeforeAll
  void startCassandraVenueAndThreeNodes() throws Exception {
    Path root = Files.createTempDirectory("trading-node-failover");
    LocalCassandra cassandra = TestCassandra.shared();
    venue = SimulatorProcess.start(root.resolve("venue"), """
        tick-interval = 25ms
        request-weight-limit = 100000000
        closed-order-history = 10000000
        accounts = [
          { name = "demo", api-key = "%s", api-secret = "%s",
            balances { USDT = "100000000", BTC = "1000", ETH = "10000", SOL = "1000000" } }
        ]""".formatted(SimulatorProcess.API_KEY, SimulatorProcess.API_SECRET));
    Map<String, String> env = new HashMap<>(venue.nodeEnv());
    env.put("PERSISTENCE", "cassandra");
    env.put("CASSANDRA_CONTACT_POINTS", cassandra.contactPoint().getHostString() + ":"
        + cassandra.contactPoint().getPort());
    env.put("CASSANDRA_KEYSPACE", TestCassandra.freshKeyspacePrefix("failover"));
    env.put("DEMO_STRATEGIES", "off");
    // The paced strategies send their dust remainders again and again by design: never pause them.
    env.put("MAX_REFUSALS_IN_A_ROW", "0");
    env.put("MARKET_RECORDING", "off");
    env.put("MARKET_TICK_INTERVAL", "1s");
    cluster = new LocalCluster(root, 3, env);
    for (int i = 0; i < 3; i++) {
      cluster.start(i);
    }
    for (int i = 0; i < 3; i++) {
      cluster.awaitReady(i);
    }
    cluster.awaitMembersUp();
  }

  @AfterAll
  void stop() throws Exception {
    String results = System.getProperty("failover.results");
    if (results != null && !results.isBlank()) {
      ObjectNode part = new ObjectMapper().createObjectNode();
      ObjectNode samples = part.putObject("samples");
      measured.forEach((metric, value) -> samples.putArray(metric).add(value));
      part.putObject("notes").put("failover", "three nodes on Cassandra against the venue simulator, "
          + STRATEGIES + " strategies at " + STRATEGIES * 1000 / INTERVAL_MILLIS + " orders/s offered: kill -9 of "
          + "the node holding the venue connection until its strategies run elsewhere (when their runners "
          + "started, as their entities report it); "
          + "kill -9 of the coordinator's node and at once an emergency stop to a survivor: its answer, and when "
          + "the entities of every node that answered reported nothing running and nothing in flight (counted as "
          + "not halted when they had not by the answer); "
          + "SIGTERM of a node until its strategies run elsewhere");
      Path file = Path.of(results);
      Files.createDirectories(file.toAbsolutePath().getParent());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), part);
    }
    if (cluster != null) {
      cluster.close();
    }
    if (venue != null) {
      venue.close();
    }
  }

  @Test
  @Order(1)
  void thirtyStrategiesTradeAtASteadyLoadAcrossTheThreeNodes() throws Exception {
    ApiClient api = cluster.anyApi();
    ApiClient.Answer limits = api.put("/api/v1/risk/main/limits", """
        {"maxOrderNotional": 1000, "maxPositionNotional": 100000, "maxGrossExposure": 1000000, "maxOpenOrders": 200,
         "priceBandPercent": 5, "maxOrdersPerMinute": 1000000, "dailyLossLimit": 1000000}""");
    assertEquals(200, limits.status(), String.valueOf(limits.body()));
    List<String> symbols = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    for (int i = 1; i <= STRATEGIES; i++) {
      String id = "p%02d".formatted(i);
      String symbol = symbols.get(i % symbols.size());
      String body = """
          {"id": "%s", "type": "paced", "account": "main", "exchange": "binance", "symbols": ["%s"],
           "params": {"quantity": "%s", "intervalMillis": "%d"}}""".formatted(id, symbol, QUANTITY.get(symbol),
          INTERVAL_MILLIS);
      // A cold cluster may answer 503 (retry) while the first entities recover; a retry of a create that did
      // go through meanwhile answers 409.
      List<Integer> statuses = new ArrayList<>();
      ApiClient.until(() -> api.post("/api/v1/strategies", body), a -> statuses.add(a.status()) && a.status() != 503,
          60, "strategy " + id + " created");
      assertTrue(statuses.get(statuses.size() - 1) == 201
          || statuses.get(statuses.size() - 1) == 409 && statuses.contains(503), id + " answered " + statuses);
      strategyIds.add(id);
    }
    awaitRunning(strategyIds, Set.of(), "every strategy to run");
    ApiClient.until(() -> venue.api.get("/admin/state"), a -> accepted(a.body()).size() > 100, 240,
        "orders to reach the venue");

    double rate = acceptedRate(10_000);
    Map<Integer, List<String>> placement = placement();
    System.out.printf("steady load: %.0f orders/s accepted by the venue from %d strategies (offered %d/s); "
        + "strategies per node %s%n", rate, STRATEGIES, STRATEGIES * 1000 / INTERVAL_MILLIS, sizes(placement));
    assertTrue(placement.size() >= 2, "the strategies are spread over the nodes: " + placement);
    for (int node : cluster.alive()) {
      ApiClient.until(() -> cluster.api(node).get("/api/v1/strategies"), a -> a.status() == 200
          && strategiesOf(a.body()).containsAll(strategyIds), 240, "node " + node + " to list every strategy");
    }
  }

  private static Set<String> strategiesOf(JsonNode items) {
    Set<String> ids = new java.util.TreeSet<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  @Order(2)
  void afterKillMinusNineTheDeadNodesStrategiesRunAgainOnTheSurvivors() throws Exception {
    int victim = cluster.holderOf("ExchangeConnection").orElseThrow();
    Map<Integer, List<String>> placement = placement();
    if (placement.getOrDefault(victim, List.of()).isEmpty()) {
      victim = placement.keySet().iterator().next();
    }
    List<String> moved = placement.get(victim);
    boolean heldConnection = cluster.holderOf("ExchangeConnection").orElse(-1) == victim;
    boolean wasOldest = cluster.oldest() == victim;

    long killedAt = System.currentTimeMillis();
    cluster.node(victim).kill();
    long lastRunnerStart = awaitRunning(moved, Set.of(victim), "the killed node's strategies to run on a survivor");
    double seconds = (lastRunnerStart - killedAt) / 1e3;

    System.out.printf("failover: node %d killed (held the venue connection: %s, oldest member: %s); its %d "
        + "strategies ran again on the survivors %.1f s after the kill, by their runners' start (target < 10 s)%n",
        victim, heldConnection, wasOldest, moved.size(), seconds);
    measured.put("failover_strategies_back_s", seconds);
    assertOrdersKeepReachingTheVenue("after the failover");
    killed = victim;
  }

  @Test
  @Order(3)
  void theKilledNodeRejoinsTheCluster() throws Exception {
    cluster.start(killed);
    cluster.awaitReady(killed);
    cluster.awaitMembersUp();
    assertEquals(3, cluster.alive().size());
  }

  @Test
  @Order(4)
  void anEmergencyStopIssuedAtOnceAfterTheCoordinatorsNodeDiedIsAnsweredAndHaltsEveryStrategy() throws Exception {
    int victim = cluster.oldest();
    int survivor = cluster.alive().stream().filter(i -> i != victim).findFirst().orElseThrow();
    List<String> onSurvivors = new ArrayList<>(strategyIds);
    onSurvivors.removeAll(placement().getOrDefault(victim, List.of()));
    ListingWatch listing = ListingWatch.start(cluster, cluster.alive().stream().filter(i -> i != victim).toList(),
        strategyIds.size());
    cluster.node(victim).kill();
    long stoppedAt = System.nanoTime();

    ApiClient.Answer stop = cluster.api(survivor).post("/api/v1/emergency-stop",
        "{\"reason\": \"stop during failover\"}");
    double answeredIn = (System.nanoTime() - stoppedAt) / 1e9;
    assertEquals(200, stop.status(), "the stop during the coordinator's failover: " + stop.body());
    awaitHalted(onSurvivors, Set.of(victim));
    double survivorsHaltedIn = (System.nanoTime() - stoppedAt) / 1e9;
    awaitHalted(strategyIds, Set.of(victim));
    double haltedIn = (System.nanoTime() - stoppedAt) / 1e9;
    ApiClient.until(() -> venue.api.get("/admin/state"), a -> execution(a.body()).values().stream()
        .noneMatch(ThreeNodeFailoverTest::openAtVenue), 240, "no open order left at the venue");
    int acceptedAtHalt = accepted(venue.adminState()).size();
    Thread.sleep(3_000); // gives a runner that should not exist time to send; nothing is concluded from the pause
    assertEquals(acceptedAtHalt, accepted(venue.adminState()).size(), "orders reached the venue after the halt");
    ApiClient.until(() -> cluster.anyApi().get("/api/v1/mode"), a -> a.status() == 200
        && a.body().get("mode").asText().equals("HALTED"), 240, "the coordinator to record the halt");
    JsonNode account = stop.body().get("entities");
    measured.put("failover_stop_answered_s", answeredIn);
    boolean survivorsHalted = account.get("nodesAnswered").asInt() == cluster.alive().size()
        && account.get("runnersActive").asInt() == 0 && account.get("ordersInFlight").asInt() == 0;
    if (survivorsHalted) {
      measured.put("failover_stop_entities_halted_ms", account.get("afterMs").asDouble());
    }
    measured.put("failover_stop_entities_not_halted", survivorsHalted ? 0.0 : 1.0);
    measured.put("failover_survivors_halted_via_api_s", survivorsHaltedIn);
    List<String> listingProblems = listing.stop();
    assertEquals(List.of(), listingProblems, "the strategy listing during the failover");
    System.out.printf("emergency stop at once after node %d (the coordinator's) was killed: answered %d in %.2f s "
        + "(recorded by the coordinator: %s; the entities' account: %s); the %d strategies on the survivors "
        + "halted %.2f s after it was issued (seen through the API), the %d of the killed node came back halted "
        + "on the survivors after %.1f s; the "
        + "listing answered %d times from the survivors, every time with all %d strategies%n", victim, stop.status(),
        answeredIn, stop.body().get("recorded").asText(), stop.body().get("entities"), onSurvivors.size(),
        survivorsHaltedIn, strategyIds.size() - onSurvivors.size(), haltedIn, listing.answers(), strategyIds.size());
    killed = victim;
  }

  @Test
  @Order(5)
  void afterResumingAGracefulLeaveOnSigtermHandsEverythingOverWithNothingLost() throws Exception {
    cluster.start(killed);
    cluster.awaitReady(killed);
    cluster.awaitMembersUp();
    ApiClient.until(() -> cluster.anyApi().post("/api/v1/resume", "{\"reason\": \"failover drill over\"}"),
        a -> a.status() == 200, 240, "trading to resume");
    awaitRunning(strategyIds, Set.of(), "every strategy to run again");
    assertOrdersKeepReachingTheVenue("after the resume");

    int leaver = cluster.holderOf("ExchangeConnection").orElseThrow();
    List<String> moved = placement().getOrDefault(leaver, List.of());
    long leftAt = System.currentTimeMillis();
    assertTrue(cluster.node(leaver).stop(60), "node " + leaver + " left and exited by itself on SIGTERM");
    double leftIn = (awaitRunning(moved, Set.of(leaver), "the leaving node's strategies to run on the others")
        - leftAt) / 1e3;
    System.out.printf("graceful leave of node %d (held the venue connection): its %d strategies ran on the others "
        + "%.1f s after SIGTERM%n", leaver, moved.size(), leftIn);
    measured.put("failover_graceful_leave_s", leftIn);
    assertOrdersKeepReachingTheVenue("after the graceful leave");
  }

  @Test
  @Order(6)
  void atTheEndTheVenueAndTheJournalAgreeOnEveryOrderAndEveryPosition() throws Exception {
    ApiClient.until(() -> cluster.anyApi().post("/api/v1/emergency-stop", "{\"reason\": \"compare with the venue\"}"),
        a -> a.status() == 200, 240, "the final stop");
    awaitHalted(strategyIds, Set.of());
    ApiClient.until(() -> venue.api.get("/admin/state"), a -> execution(a.body()).values().stream()
        .noneMatch(ThreeNodeFailoverTest::openAtVenue), 240, "no open order left at the venue");
    // The read side follows the journal: wait until it has every order the venue has, then compare.
    Await.until("the read side to hold every order as the venue has it",
        () -> ledgerDifferences(cluster.anyApi().get("/api/v1/orders").body(), venue.adminState()), List::isEmpty,
        ApiClient.PACE.multipliedBy(240), ApiClient.PACE);

    JsonNode orders = cluster.anyApi().get("/api/v1/orders").body();
    JsonNode state = venue.adminState();
    Map<String, Integer> accepted = accepted(state);
    List<String> doubled = new ArrayList<>();
    accepted.forEach((id, times) -> {
      if (times != 1) {
        doubled.add(id + " x" + times);
      }
    });
    assertEquals(List.of(), doubled, "client order ids the venue accepted more than once");
    assertEquals(List.of(), ledgerDifferences(orders, state), "orders the venue and the journal disagree on");

    Map<String, BigDecimal> venueFills = new TreeMap<>();
    Map<String, String> execution = execution(state);
    orders.forEach(o -> {
      String there = execution.get(o.get("clientOrderId").asText());
      if (there != null) {
        BigDecimal filled = new BigDecimal(there.split(" ")[1]);
        venueFills.merge(o.get("strategyId").asText(), o.get("side").asText().equals("BUY") ? filled
            : filled.negate(), BigDecimal::add);
      }
    });
    Map<String, BigDecimal> positions = new TreeMap<>();
    cluster.anyApi().get("/api/v1/positions?account=main").body().forEach(p -> positions.merge(
        p.get("strategyId").asText(), new BigDecimal(p.get("quantity").asText()), BigDecimal::add));
    for (String id : strategyIds) {
      BigDecimal held = positions.getOrDefault(id, BigDecimal.ZERO);
      BigDecimal filled = venueFills.getOrDefault(id, BigDecimal.ZERO);
      assertEquals(0, held.compareTo(filled), id + ": position " + held + ", venue fills sum to " + filled);
    }
    System.out.printf("ledger: %d orders accepted by the venue, each once; all %d in the journal with the venue's "
        + "status and fill; %d strategies' positions equal the venue's fills%n", accepted.size(), accepted.size(),
        strategyIds.size());
  }

  /**
   * Every difference between the node's orders (the journal through the read side) and the venue's:
   * an order the venue accepted that the node does not have, an order the node has as sent or
   * acknowledged (anything but REJECTED) that the venue never accepted, or a status or filled quantity
   * that differs (the venue's NEW is the node's ACCEPTED).
   */
  private static List<String> ledgerDifferences(JsonNode orders, JsonNode state) {
    Map<String, Integer> accepted = accepted(state);
    Map<String, String> execution = execution(state);
    Map<String, JsonNode> atNode = new TreeMap<>();
    orders.forEach(o -> atNode.put(o.get("clientOrderId").asText(), o));
    List<String> differences = new ArrayList<>();
    for (String id : accepted.keySet()) {
      if (!atNode.containsKey(id)) {
        differences.add(id + ": accepted by the venue (" + execution.get(id) + "), not in the journal");
      }
    }
    atNode.forEach((id, o) -> {
      String status = o.get("status").asText();
      String there = execution.get(id);
      if (!accepted.containsKey(id)) {
        if (!status.equals("REJECTED")) {
          differences.add(id + ": " + status + " in the journal, never accepted by the venue");
        }
        return;
      }
      String[] statusAndQty = there.split(" ");
      String venueStatus = statusAndQty[0].equals("NEW") ? "ACCEPTED" : statusAndQty[0];
      if (!status.equals(venueStatus) || new BigDecimal(o.get("filledQty").asText())
          .compareTo(new BigDecimal(statusAndQty[1])) != 0) {
        differences.add(id + ": journal " + status + " " + o.get("filledQty").asText() + ", venue " + there);
      }
    });
    return differences;
  }

  private void assertOrdersKeepReachingTheVenue(String when) {
    int before = accepted(venue.adminState()).size();
    ApiClient.until(() -> venue.api.get("/admin/state"), a -> accepted(a.body()).size() > before + 50, 240,
        "orders to keep reaching the venue " + when);
  }

  private void awaitHalted(List<String> ids, Set<Integer> notOn) {
    for (String id : ids) {
      ApiClient.until(() -> cluster.anyApi().get("/api/v1/strategies/" + id), a -> a.status() == 200
          && a.body().get("status").asText().equals("HALTED") && !a.body().get("runnerActive").asBoolean()
          && !notOn.contains(cluster.byAddress(a.body().get("node").asText()).orElse(-1)), 480, "strategy " + id
          + " halted on a live node");
    }
  }

  private static boolean openAtVenue(String execution) {
    return execution.startsWith("NEW ") || execution.startsWith("PARTIALLY_FILLED ");
  }

  /** Accepted orders per second at the venue over about {@code millis} of the test's time. */
  private double acceptedRate(long millis) throws InterruptedException {
    int before = accepted(venue.adminState()).size();
    long start = System.nanoTime();
    Thread.sleep(millis);
    int after = accepted(venue.adminState()).size();
    return (after - before) * 1e9 / (System.nanoTime() - start);
  }

  private Map<Integer, List<String>> placement() {
    Map<Integer, List<String>> byNode = new TreeMap<>();
    for (String id : strategyIds) {
      JsonNode s = strategy(id);
      byNode.computeIfAbsent(cluster.byAddress(s.get("node").asText()).orElse(-1), n -> new ArrayList<>()).add(id);
    }
    return byNode;
  }

  private static Map<Integer, Integer> sizes(Map<Integer, List<String>> placement) {
    Map<Integer, Integer> sizes = new TreeMap<>();
    placement.forEach((node, ids) -> sizes.put(node, ids.size()));
    return sizes;
  }

  private JsonNode strategy(String id) {
    ApiClient.Answer answer = ApiClient.until(() -> cluster.anyApi().get("/api/v1/strategies/" + id),
        a -> a.status() == 200, 240, "strategy " + id);
    return answer.body();
  }

  /** Waits until each strategy answers with its runner active on a live node other than {@code notOn}. */
  /**
   * Waits until each strategy's runner is active on a node not in {@code notOn}; answers when the last of
   * them started (epoch ms, as the hosting entities report it), so the API's own delays do not count.
   */
  private long awaitRunning(List<String> ids, Set<Integer> notOn, String what) {
    long lastStart = 0;
    for (String id : ids) {
      JsonNode running = ApiClient.until(() -> cluster.anyApi().get("/api/v1/strategies/" + id), a -> a.status() == 200
          && a.body().get("runnerActive").asBoolean()
          && !notOn.contains(cluster.byAddress(a.body().get("node").asText()).orElse(-1)), 480, what + ": " + id)
          .body();
      lastStart = Math.max(lastStart, running.get("runnerSince").asLong());
    }
    return lastStart;
  }

  private static Map<String, Integer> accepted(JsonNode state) {
    Map<String, Integer> accepted = new TreeMap<>();
    state.get("orders").get(SimulatorProcess.ACCOUNT).properties()
        .forEach(e -> accepted.put(e.getKey(), e.getValue().asInt()));
    return accepted;
  }

  private static Map<String, String> execution(JsonNode state) {
    Map<String, String> execution = new TreeMap<>();
    state.get("execution").get(SimulatorProcess.ACCOUNT).properties()
        .forEach(e -> execution.put(e.getKey(), e.getValue().asText()));
    return execution;
  }
}
