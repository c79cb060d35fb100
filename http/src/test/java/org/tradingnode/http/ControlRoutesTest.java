package org.tradingnode.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.account.DeclaredAccounts;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.risk.AccountExposure;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.HaltWitness;
import org.tradingnode.core.entity.KillSwitch;
import org.tradingnode.core.entity.NodeNotice;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyStatus;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.testing.Await;
import org.tradingnode.persistence.AuditReader;
import org.tradingnode.persistence.JournalProfile;
import org.tradingnode.persistence.readside.H2ReadSideStore;
import org.tradingnode.persistence.readside.PositionRow;
import org.tradingnode.persistence.readside.StrategyRow;

/**
 * The control API's routes on a real HTTP server on 127.0.0.1, with the node's embedded profile (read
 * from {@code conf/}), a real H2 read side and the kill switch in Distributed Data; the entities behind them are probes, and the coordinator answers only
 * when a test lets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NodeCatalog CATALOG = new NodeCatalog(StrategyTypes.builtIn(), new InstrumentCatalog(List.of(
      new Instrument("paper", "BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
          new BigDecimal("5")),
      new Instrument("paper", "ETHUSDT", "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
          new BigDecimal("5")))),
      new DeclaredAccounts(List.of(new DeclaredAccounts.Declared("paper", "demo", Map.of("USDT",
          new BigDecimal("100000"))))));
  private static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("25000"), new BigDecimal("50000"),
      new BigDecimal("90000"), 50, new BigDecimal("5"), 120, new BigDecimal("5000"));
  private final java.util.concurrent.atomic.AtomicReference<ModeView> modeInForce =
      new java.util.concurrent.atomic.AtomicReference<>(new ModeView(TradingMode.RUNNING, "node started", 1L));
  private final Path dataDir = EmbeddedTestProfile.dataDir("control-routes");
  private final Config profile = EmbeddedTestProfile.of(dataDir);
  private final ActorTestKit kit = ActorTestKit.create("ControlRoutesTest", profile);
  private final AtomicBoolean coordinatorAnswers = new AtomicBoolean();
  private final TestProbe<SafetyCoordinator.Command> coordinatorAsked = kit.createTestProbe();
  private final TestProbe<StrategyEntity.Command> strategies = kit.createTestProbe();
  private final HttpClient http = HttpClient.newHttpClient();
  private H2ReadSideStore store;
  private ServerBinding binding;

  @BeforeEach
  void startServer() {
    if (binding != null) {
      return;
    }
    Config db = profile.getConfig("pekko-persistence-jdbc.shared-databases.trading.db");
    store = H2ReadSideStore.open(db.getString("url"), db.getString("user"), db.getString("password"),
        kit.system().executionContext());
    ActorRef<SafetyCoordinator.Command> coordinator = kit.spawn(Behaviors.receiveMessage(cmd -> {
      coordinatorAsked.ref().tell(cmd);
      if (coordinatorAnswers.get() && cmd instanceof SafetyCoordinator.ChangeMode change) {
        change.replyTo().tell(StatusReply.success(new ModeView(change.target(), change.reason(), 42L)));
      }
      if (cmd instanceof SafetyCoordinator.GetMode get) {
        get.replyTo().tell(modeInForce.get());
      }
      return Behaviors.same();
    }));
    ActorRef<RiskEntity.Command> risk = kit.spawn(Behaviors.receiveMessage(cmd -> {
      if (cmd instanceof RiskEntity.GetLimits get) {
        get.replyTo().tell(LIMITS);
      }
      if (cmd instanceof RiskEntity.GetExposure get) {
        AccountExposure exposure = AccountExposure.empty();
        exposure.lastPrices().put("BTCUSDT", new BigDecimal("60000.00"));
        get.replyTo().tell(exposure);
      }
      return Behaviors.same();
    }));
    ActorRef<ExchangeConnectionEntity.Command> connection = kit.spawn(Behaviors.receiveMessage(cmd -> {
      if (cmd instanceof ExchangeConnectionEntity.GetBalances get) {
        get.replyTo().tell(new ExchangeConnectionEntity.BalancesView(Map.of("USDT", new BigDecimal("70000"),
            "BTC", new BigDecimal("0.5"), "ETH", new BigDecimal("2"))));
      }
      return Behaviors.same();
    }));
    EntityDirectory directory = new EntityDirectory() {
      @Override
      public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
        return strategies.ref();
      }

      @Override
      public RecipientRef<RiskEntity.Command> risk(String account) {
        return risk;
      }

      @Override
      public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
        return connection;
      }

      @Override
      public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
        return kit.system().ignoreRef();
      }

      @Override
      public RecipientRef<SafetyCoordinator.Command> coordinator() {
        return coordinator;
      }
    };
    ControlRoutes routes = new ControlRoutes(kit.system(), directory,
        new AuditReader(kit.system(), JournalProfile.EMBEDDED.readJournalPluginId()), store,
        () -> CompletableFuture.completedFuture(Map.of("test", true)), CATALOG, Duration.ofSeconds(3));
    binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0).bind(routes.routes()).toCompletableFuture().join();
  }

  /** Stops the witnesses a test registered, so that the next test counts only its own. */
  @AfterEach
  void stopWitnesses() {
    witnesses().forEach(kit::stop);
    Await.until("no witness to be registered", this::witnesses, Set::isEmpty);
  }

  private Set<ActorRef<HaltWitness.Command>> witnesses() {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(kit.system().receptionist(),
            replyTo -> Receptionist.find(HaltWitness.KEY, replyTo), Duration.ofSeconds(3), kit.system().scheduler())
        .toCompletableFuture().join().getServiceInstances(HaltWitness.KEY);
  }

  @AfterAll
  void stop() {
    if (binding != null) {
      binding.unbind().toCompletableFuture().join();
    }
    if (store != null) {
      store.close();
    }
    kit.shutdownTestKit();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + binding.localAddress().getPort()
            + path)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEmergencyStopTheCoordinatorDoesNotAnswerIsAnsweredAndTheKillSwitchIsSet() throws Exception {
    coordinatorAnswers.set(false);
    TestProbe<KillSwitch.HaltSignal> switchSeen = kit.createTestProbe();
    kit.spawn(KillSwitch.watched(signal -> signal, Behaviors.receiveMessage(signal -> {
      switchSeen.ref().tell(signal);
      return Behaviors.same();
    })));

    HttpResponse<String> answer = send("POST", "/api/v1/emergency-stop", "{\"reason\": \"drill\"}");

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode body = JSON.readTree(answer.body());
    assertEquals("HALTED", body.get("mode").asText());
    assertFalse(body.get("recorded").asBoolean());
    assertEquals(TradingMode.HALTED,
        coordinatorAsked.expectMessageClass(SafetyCoordinator.ChangeMode.class).target());
    switchSeen.fishForMessage(Duration.ofSeconds(5), signal -> signal.halted() && signal.reason().equals("drill")
        ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
        : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());
  }

  @Test
  void anEmergencyStopTheCoordinatorRecordsSaysSo() throws Exception {
    coordinatorAnswers.set(true);

    HttpResponse<String> answer = send("POST", "/api/v1/emergency-stop", "{\"reason\": \"drill\"}");

    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(JSON.readTree(answer.body()).get("recorded").asBoolean());
  }

  @Test
  void anEmergencyStopAnswersWithTheEntitiesOwnAccountOnceEveryOrderIsClosed() throws Exception {
    coordinatorAnswers.set(true);
    ActorRef<HaltWitness.Command> witness = kit.spawn(HaltWitness.create());
    Await.until("the witness to be registered", this::witnesses, found -> found.equals(Set.of(witness)));
    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStarted("s1"));
    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStarted("s2"));
    kit.spawn(KillSwitch.watched(signal -> signal, Behaviors.<KillSwitch.HaltSignal>setup(ctx ->
        Behaviors.receiveMessage(signal -> {
          if (signal.halted()) {
            for (String strategy : List.of("s1", "s2")) {
              NodeNotice.publish(kit.system(), new NodeNotice.StrategyHalted(strategy, signal.at()));
              NodeNotice.publish(kit.system(), new NodeNotice.RunnerStopped(strategy));
            }
            NodeNotice.publish(kit.system(), new NodeNotice.OrdersInFlight("paper:demo", signal.at(), 1, 1,
                List.of("s1-7")));
            ctx.scheduleOnce(Duration.ofMillis(150), ctx.getSelf(), new KillSwitch.HaltSignal(false, "cancel confirmed",
                signal.at()));
          } else if (signal.reason().equals("cancel confirmed")) {
            NodeNotice.publish(kit.system(), new NodeNotice.OrdersInFlight("paper:demo", signal.at(), 1, 0,
                List.of()));
          }
          return Behaviors.same();
        }))));

    HttpResponse<String> answer = send("POST", "/api/v1/emergency-stop", "{\"reason\": \"drill\"}");

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode entities = JSON.readTree(answer.body()).get("entities");
    assertTrue(entities.get("complete").asBoolean(), answer.body());
    assertEquals(1, entities.get("nodesAnswered").asInt(), answer.body());
    assertEquals(2, entities.get("strategiesHalted").asInt(), answer.body());
    assertEquals(0, entities.get("runnersActive").asInt(), answer.body());
    assertEquals(1, entities.get("cancelsSent").asInt(), answer.body());
    assertEquals(0, entities.get("ordersInFlight").asInt(), "the order in flight was waited for: " + answer.body());
    JsonNode asked = JSON.readTree(send("GET", "/api/v1/emergency-stop", null).body());
    assertEquals(2, asked.get("strategiesHalted").asInt(), asked.toString());
    assertTrue(asked.get("complete").asBoolean(), asked.toString());
  }

  @Test
  void aNodeThatAnswersTheStopLateIsStillCounted() throws Exception {
    coordinatorAnswers.set(true);
    ActorRef<HaltWitness.Command> slowWitness = kit.spawn(Behaviors.<HaltWitness.Command>setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(HaltWitness.KEY, ctx.getSelf()));
      return Behaviors.receiveMessage(command -> {
        if (command instanceof HaltWitness.Report report) {
          ctx.scheduleOnce(Duration.ofMillis(400), report.replyTo(),
              new HaltWitness.NodeAccount("busy-node", true, 1L, 3, 0, 0, 0, 0, List.of(), 0));
        }
        return Behaviors.same();
      });
    }));
    Await.until("the slow witness to be the only one registered", this::witnesses,
        found -> found.equals(Set.of(slowWitness)));

    HttpResponse<String> answer = send("POST", "/api/v1/emergency-stop", "{\"reason\": \"drill\"}");

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode entities = JSON.readTree(answer.body()).get("entities");
    assertEquals(1, entities.get("nodesAsked").asInt(), answer.body());
    assertEquals(1, entities.get("nodesAnswered").asInt(), "its answer came 400 ms after it was asked: " + answer.body());
    assertTrue(entities.get("complete").asBoolean(), answer.body());
    assertEquals(3, entities.get("strategiesHalted").asInt(), answer.body());
  }

  @Test
  void readSideListingsSayHowFarBehindTheJournalTheyAreAndCanWaitUntilCaughtUp() throws Exception {
    for (String listing : List.of("/api/v1/orders?status=open", "/api/v1/positions", "/api/v1/strategies")) {
      HttpResponse<String> now = send("GET", listing, null);
      HttpResponse<String> consistent = send("GET", listing + (listing.contains("?") ? "&" : "?")
          + "consistent=true", null);
      HttpResponse<String> refused = send("GET", listing + (listing.contains("?") ? "&" : "?")
          + "consistent=maybe", null);

      assertEquals(200, now.statusCode(), listing + " " + now.body());
      assertEquals("0", now.headers().firstValue("Read-Side-Pending-Events").orElseThrow(), listing);
      assertEquals("0", now.headers().firstValue("Read-Side-Oldest-Pending-Ms").orElseThrow(), listing);
      assertEquals(200, consistent.statusCode(), listing + " " + consistent.body());
      assertEquals("0", consistent.headers().firstValue("Read-Side-Pending-Events").orElseThrow(), listing);
      assertEquals(400, refused.statusCode(), listing);
      assertEquals("invalid_consistent", JSON.readTree(refused.body()).get("error").asText(), refused.body());
    }
  }

  @Test
  void anEmergencyStopWithoutAReasonIsRefusedAndSetsNothing() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/v1/emergency-stop", "{}");

    assertEquals(400, answer.statusCode(), answer.body());
    assertEquals("missing_reason", JSON.readTree(answer.body()).get("error").asText());
  }

  @Test
  void theNodesWarmUpRequestIsAStopTheRoutesRefuse() {
    assertTrue(ApiWarmUp.run(kit.system(), binding.localAddress()).toCompletableFuture().join(),
        "the warm-up stop is answered 400");
  }

  @Test
  void theStrategyListingAnswersFromTheReadSideAndAsksNoEntity() throws Exception {
    StrategyConfig config = new StrategyConfig("listed", "momentum", "demo", "paper", List.of("BTCUSDT"),
        Map.of("fastPeriod", "2"));
    Fill fill = new Fill("f1", "listed-1", "BTCUSDT", Side.BUY, new BigDecimal("100.00"), BigDecimal.ONE,
        new BigDecimal("0.10"), false, 1L);
    store.update("Strategy-1", Offset.sequence(7), rows -> {
      rows.saveStrategy(new StrategyRow(config, StrategyStatus.RUNNING, "started", 1_700_000_000_000L,
          new OrderCounts(3, 1, 1, 0, 0, 1), 5));
      rows.savePosition(PositionRow.flat("demo", "listed", "BTCUSDT", 2).with(fill, 2, 5));
    }).toCompletableFuture().join();

    HttpResponse<String> answer = send("GET", "/api/v1/strategies", null);

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode listed = JSON.readTree(answer.body()).get(0);
    assertEquals("listed", listed.get("id").asText());
    assertEquals("RUNNING", listed.get("status").asText());
    assertEquals("2", listed.get("params").get("fastPeriod").asText(), "as given");
    assertEquals("21", listed.get("params").get("slowPeriod").asText(), "the default in force");
    assertEquals("USDT", listed.get("currency").asText());
    assertEquals(1, listed.get("openOrders").asInt());
    assertEquals(3, listed.get("orderCounts").get("intended").asInt());
    assertEquals(0, new BigDecimal("0.10").compareTo(new BigDecimal(listed.get("fees").asText())));
    assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(listed.get("positions").get(0).get("quantity").asText())));
    assertEquals("BTCUSDT", listed.get("positions").get(0).get("symbol").asText());
    strategies.expectNoMessage(Duration.ofMillis(100));
  }

  /** A refusal: its status, its error code, and a message in words that names no class of the node or of Java. */
  private JsonNode refused(HttpResponse<String> answer, String error) throws IOException {
    assertEquals(400, answer.statusCode(), answer.body());
    JsonNode body = JSON.readTree(answer.body());
    assertEquals(error, body.get("error").asText(), answer.body());
    assertFalse(answer.body().contains("java.") || answer.body().contains("org.") || answer.body().contains("$"),
        answer.body());
    return body;
  }

  private HttpResponse<String> create(String json) throws Exception {
    return send("POST", "/api/v1/strategies", json);
  }

  @Test
  void aStrategyWhoseEveryOrderWouldBeRefusedIsRefusedAtCreationWithTheParameterAndTheBoundNamed() throws Exception {
    JsonNode tooSmall = refused(create("""
        {"id": "tiny", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "params": {"orderNotional": "1"}}"""), "invalid_strategy");
    JsonNode tooLarge = refused(create("""
        {"id": "huge", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "params": {"orderNotional": 10000000}}"""), "invalid_strategy");

    assertEquals("params.orderNotional", tooSmall.get("problems").get(0).get("field").asText());
    assertTrue(tooSmall.get("message").asText().contains("below the minimum notional 5 USDT of BTCUSDT"),
        tooSmall.toString());
    assertTrue(tooLarge.get("message").asText().contains("(maxOrderNotional 25000)"), tooLarge.toString());
    strategies.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void everyUnknownParameterIsReportedAtOnce() throws Exception {
    JsonNode body = refused(create("""
        {"id": "typos", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"],
         "params": {"fastPeriode": 3, "slowPerid": 8}}"""), "invalid_strategy");

    assertEquals(2, body.get("problems").size(), body.toString());
    assertEquals("params.fastPeriode", body.get("problems").get(0).get("field").asText());
    assertEquals("params.slowPerid", body.get("problems").get(1).get("field").asText());
  }

  @Test
  void anAccountTheConfigDoesNotDeclareIsRefusedWithTheDeclaredOnesListed() throws Exception {
    JsonNode body = refused(create("""
        {"id": "bobs", "type": "momentum", "account": "bob", "exchange": "paper", "symbols": ["BTCUSDT"]}"""),
        "undeclared_account");

    assertEquals("account 'bob' is not declared on paper; declared accounts: [paper:demo]",
        body.get("message").asText());
  }

  @Test
  void eachMalformedFieldIsNamedInWords() throws Exception {
    assertEquals("field 'symbols' must be a list, e.g. [\"BTCUSDT\"]", refused(create("""
        {"id": "s", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": "BTCUSDT"}"""),
        "invalid_field").get("message").asText());
    assertEquals("'account' is required", refused(create("""
        {"id": "s", "type": "momentum", "exchange": "paper", "symbols": ["BTCUSDT"]}"""), "missing_field")
        .get("message").asText());
    assertEquals("unknown exchange 'binanse', known: [paper]", refused(create("""
        {"id": "s", "type": "momentum", "account": "demo", "exchange": "binanse", "symbols": ["BTCUSDT"]}"""),
        "unknown_exchange").get("message").asText());
    assertTrue(refused(create("""
        {"id": "s", "type": "momentum", "account": "demo", "exchange": "paper", "symbol": ["BTCUSDT"]}"""),
        "unknown_field").get("message").asText().startsWith("unknown field 'symbol'; known: [account, exchange"));
    refused(create("{\"id\": "), "malformed_json");
    strategies.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void theStrategyTypesListEveryParameterWithItsUnitDefaultAndRange() throws Exception {
    HttpResponse<String> answer = send("GET", "/api/v1/strategy-types", null);

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode momentum = JSON.readTree(answer.body()).get(0);
    assertEquals("momentum", momentum.get("type").asText());
    JsonNode offset = null;
    for (JsonNode p : momentum.get("parameters")) {
      if (p.get("name").asText().equals("entryLimitOffset")) {
        offset = p;
      }
    }
    assertEquals("decimal", offset.get("type").asText(), answer.body());
    assertEquals("fraction of last price", offset.get("unit").asText());
    assertEquals("0", offset.get("defaultValue").asText());
    assertEquals("[0, 1)", offset.get("range").asText());
    assertEquals(7, momentum.get("parameters").size());
  }

  @Test
  void theInstrumentsListTickLotAndMinimumNotional() throws Exception {
    HttpResponse<String> answer = send("GET", "/api/v1/instruments?exchange=paper", null);

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode btc = JSON.readTree(answer.body()).get(0);
    assertEquals("BTCUSDT", btc.get("symbol").asText());
    assertEquals("0.01", btc.get("tickSize").asText());
    assertEquals("0.00001", btc.get("lotSize").asText());
    assertEquals("5", btc.get("minNotional").asText());
    refused(send("GET", "/api/v1/instruments?exchange=nowhere", null), "unknown_exchange");
  }

  @Test
  void aStrategyCreatedWhileTradingIsHaltedIsToldSo() throws Exception {
    modeInForce.set(new ModeView(TradingMode.HALTED, "drill", 7L));
    try {
      CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
        try {
          return create("""
              {"id": "late", "type": "momentum", "account": "demo", "exchange": "paper", "symbols": ["BTCUSDT"]}""");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      StrategyEntity.CreateStrategy created = strategies.expectMessageClass(StrategyEntity.CreateStrategy.class);
      assertEquals(TradingMode.HALTED, created.modeInForce().mode());
      assertEquals("drill", created.modeInForce().reason());
      answer.join();
    } finally {
      modeInForce.set(new ModeView(TradingMode.RUNNING, "node started", 1L));
    }
  }

  @Test
  void anAccountShowsItsBalancesTheirWorthItsLimitsAndItsNetPnl() throws Exception {
    HttpResponse<String> answer = send("GET", "/api/v1/accounts/paper:demo", null);
    HttpResponse<String> all = send("GET", "/api/v1/accounts", null);

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode account = JSON.readTree(answer.body());
    assertEquals("demo", account.get("account").asText());
    assertEquals("0.5", account.get("balances").get("BTC").asText());
    assertEquals("USDT", account.get("currency").asText());
    assertEquals(0, new BigDecimal("100000").compareTo(new BigDecimal(account.get("equity").asText())),
        "70000 USDT and 0.5 BTC at 60000: " + answer.body());
    assertEquals("ETH", account.get("unpricedAssets").get(0).asText(), "no ETH price yet: " + answer.body());
    assertEquals("25000", account.get("limits").get("maxOrderNotional").asText());
    assertEquals(200, all.statusCode(), all.body());
    assertEquals("paper:demo", JSON.readTree(all.body()).get("accounts").get(0).get("id").asText());
    assertEquals("USDT", JSON.readTree(all.body()).get("totals").get(0).get("currency").asText());
    JsonNode unknown = JSON.readTree(send("GET", "/api/v1/accounts/paper:bob", null).body());
    assertEquals("unknown account 'paper:bob'; declared: [paper:demo]", unknown.get("message").asText());
  }

  @Test
  void anEmergencyStopWithFlattenAsksEveryLiveStrategyToCloseItsPositionsOnceHalted() throws Exception {
    coordinatorAnswers.set(true);
    StrategyConfig live = new StrategyConfig("to-close", "momentum", "demo", "paper", List.of("BTCUSDT"), Map.of());
    StrategyConfig gone = new StrategyConfig("gone", "momentum", "demo", "paper", List.of("BTCUSDT"), Map.of());
    store.update("Strategy-2", Offset.sequence(3), rows -> {
      rows.saveStrategy(new StrategyRow(live, StrategyStatus.RUNNING, "started", 1L, OrderCounts.NONE, 2));
      rows.saveStrategy(new StrategyRow(gone, StrategyStatus.DELETED, "done", 1L, OrderCounts.NONE, 3));
    }).toCompletableFuture().join();
    long expected = store.strategies().toCompletableFuture().join().stream()
        .filter(row -> row.status() != StrategyStatus.DELETED).count();

    HttpResponse<String> answer = send("POST", "/api/v1/emergency-stop",
        "{\"reason\": \"drill\", \"flatten\": true}");

    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(expected, JSON.readTree(answer.body()).get("strategiesFlattening").asLong(), answer.body());
    for (long i = 0; i < expected; i++) {
      StrategyEntity.FlattenStrategy asked = strategies.fishForMessage(Duration.ofSeconds(5),
          m -> m instanceof StrategyEntity.FlattenStrategy
              ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
              : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore())
          .stream().map(StrategyEntity.FlattenStrategy.class::cast).reduce((a, b) -> b).orElseThrow();
      assertTrue(asked.afterHalt());
      assertEquals("drill", asked.reason());
    }
    strategies.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void aDeletedStrategyLeavesTheListing() throws Exception {
    StrategyConfig gone = new StrategyConfig("deleted-one", "momentum", "demo", "paper", List.of("BTCUSDT"),
        Map.of());
    store.update("Strategy-3", Offset.sequence(9), rows ->
        rows.saveStrategy(new StrategyRow(gone, StrategyStatus.DELETED, "done", 1L, OrderCounts.NONE, 9)))
        .toCompletableFuture().join();

    HttpResponse<String> answer = send("GET", "/api/v1/strategies", null);

    assertEquals(200, answer.statusCode(), answer.body());
    assertFalse(answer.body().contains("deleted-one"), answer.body());
  }

  @Test
  void parametersCannotBeChangedToOnesThatCannotWork() throws Exception {
    assertEquals("'params' is required, e.g. {\"params\": {\"orderNotional\": 500}}",
        refused(send("PUT", "/api/v1/strategies/some", "{}"), "missing_field").get("message").asText());
    refused(send("PATCH", "/api/v1/strategies/some", "{\"params\": 5}"), "invalid_field");
  }
}
