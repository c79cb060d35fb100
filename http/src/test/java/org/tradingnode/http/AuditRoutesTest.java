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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.account.DeclaredAccounts;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.entity.OrderArchive;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.testing.Await;
import org.tradingnode.persistence.AuditEvent;
import org.tradingnode.persistence.AuditReader;
import org.tradingnode.persistence.JournalProfile;
import org.tradingnode.persistence.readside.H2ReadSideStore;

/**
 * The audit calls on a real HTTP server on 127.0.0.1, through the control API's routes, with the node's
 * embedded profile (read from {@code conf/}) and its real H2 journal. The journal holds what the real
 * entities wrote while the test ran them: the coordinator changing mode back and forth, the connection
 * {@code paper:demo} recording each change, and the symbol {@code paper:BTCUSDT} going live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Mode changes asked of the coordinator: with its start and the connection's registration, 152 events. */
  private static final int MODE_CHANGES = 150;
  private static final int COORDINATOR_EVENTS = MODE_CHANGES + 2;
  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private final Path dataDir = EmbeddedTestProfile.dataDir("audit-routes");
  private final Config profile = EmbeddedTestProfile.of(dataDir);
  private final ActorTestKit kit = ActorTestKit.create("AuditRoutesTest", profile);
  private final AuditReader journal = new AuditReader(kit.system(), JournalProfile.EMBEDDED.readJournalPluginId());
  private final HttpClient http = HttpClient.newHttpClient();
  private final Instant startedAt = Instant.now();
  /** Set before the entities that reach each other through {@link #directory()} can do so. */
  private volatile ActorRef<SafetyCoordinator.Command> coordinator;
  private volatile ActorRef<ExchangeConnectionEntity.Command> connection;
  private H2ReadSideStore store;
  private ServerBinding binding;

  /**
   * Runs the entities until the journal holds their events (the connection's last one the record of the
   * last mode change), then serves the routes.
   */
  @BeforeAll
  void writeTheJournalAndStartTheServer() {
    EntityDirectory directory = directory();
    coordinator = kit.spawn(SafetyCoordinator.create(directory, Clock.systemUTC()), "coordinator");
    connection = kit.spawn(ExchangeConnectionEntity.create("paper:demo", directory, new InstrumentCatalog(List.of()),
        Map.of("USDT", new BigDecimal("1000")), session -> Behaviors.ignore(),
        OrderArchive.journal(kit.system(), JournalProfile.EMBEDDED.readJournalPluginId()), Clock.systemUTC()),
        "connection");
    kit.spawn(SymbolEntity.create("paper:BTCUSDT", Clock.systemUTC()), "symbol")
        .tell(new SymbolEntity.PublishMarketData(List.of(
            new Trade("BTCUSDT", System.currentTimeMillis(), 1, 60_000.0, 0.1, Side.BUY))));
    Await.until("the coordinator to run", () -> mode().mode(), TradingMode.RUNNING::equals, WAIT);
    Await.until("the connection to register with the coordinator", () -> stored("SafetyCoordinator", "global"),
        events -> events.stream().anyMatch(e -> e.eventType().equals("ParticipantRegistered")), WAIT);
    for (int i = 0; i < MODE_CHANGES; i++) {
      changeMode(i % 2 == 0 ? TradingMode.SAFE_MODE : TradingMode.RUNNING, step(i));
    }
    Await.until("the connection to record the last mode change", () -> stored("ExchangeConnection", "paper:demo"),
        events -> !events.isEmpty()
            && events.get(events.size() - 1).payload().path("reason").asText().equals(step(MODE_CHANGES - 1)),
        WAIT);
    Await.until("the symbol to go live", () -> stored("Symbol", "paper:BTCUSDT"), events -> events.size() == 1, WAIT);

    Config db = profile.getConfig("pekko-persistence-jdbc.shared-databases.trading.db");
    store = H2ReadSideStore.open(db.getString("url"), db.getString("user"), db.getString("password"),
        kit.system().executionContext());
    binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0).bind(routes(directory)).toCompletableFuture().join();
  }

  /** The control API's routes, which serve the audit calls. */
  private Route routes(EntityDirectory directory) {
    return new ControlRoutes(kit.system(), directory, journal, store,
        () -> CompletableFuture.completedFuture(Map.of("test", true)),
        new NodeCatalog(StrategyTypes.builtIn(), new InstrumentCatalog(List.of()), new DeclaredAccounts(List.of())),
        Duration.ofSeconds(3))
        .routes();
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

  @Test
  void aConnectionIsReadAndVerifiedByTheIdItsListingShows() {
    String listed = Await.until("the connection's events to be listed by type",
        () -> entityIds(get("/api/v1/audit/events?type=connection").body()), ids -> !ids.isEmpty(), WAIT)
        .iterator().next();

    Answer events = get("/api/v1/audit/events?type=connection&id=" + listed);
    Answer encoded = get("/api/v1/audit/events?type=connection&id="
        + URLEncoder.encode(listed, StandardCharsets.UTF_8));
    Answer verified = get("/api/v1/audit/verify?type=connection&id=" + listed);

    assertEquals("paper:demo", listed);
    assertEquals(200, events.status(), events.toString());
    JsonNode first = events.body().get("events").get(0);
    assertEquals("ExchangeConnection|paper:demo", first.get("persistenceId").asText(), first.toString());
    assertEquals("paper:demo", first.get("entityId").asText(), first.toString());
    assertEquals(1, first.get("sequenceNumber").asLong(), first.toString());
    assertEquals("AccountOpened", first.get("eventType").asText(), first.toString());
    assertEquals(events.body(), encoded.body(), "the id percent-encoded reads the same events");
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.body().get("ok").asBoolean(), verified.toString());
    assertEquals(pageByPage("type=connection&id=paper:demo", "from").size(), verified.body().get("verified").asInt(),
        verified.toString());
  }

  @Test
  void aSymbolIsReadAndVerifiedByTheIdItsListingShows() {
    String listed = Await.until("the symbol's event to be listed by type",
        () -> entityIds(get("/api/v1/audit/events?type=symbol").body()), ids -> !ids.isEmpty(), WAIT)
        .iterator().next();

    Answer events = get("/api/v1/audit/events?type=symbol&id=" + listed);
    Answer verified = get("/api/v1/audit/verify?type=symbol&id=" + listed);

    assertEquals("paper:BTCUSDT", listed);
    assertEquals(200, events.status(), events.toString());
    assertEquals(1, events.body().get("events").size(), events.toString());
    JsonNode wentLive = events.body().get("events").get(0);
    assertEquals("Symbol|paper:BTCUSDT", wentLive.get("persistenceId").asText(), wentLive.toString());
    assertEquals("SymbolWentLive", wentLive.get("eventType").asText(), wentLive.toString());
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.body().get("ok").asBoolean(), verified.toString());
    assertEquals(1, verified.body().get("verified").asInt(), verified.toString());
  }

  @Test
  void theCoordinatorIsReadAndVerifiedAsGlobalAsWithoutAnId() {
    Answer byId = get("/api/v1/audit/events?type=coordinator&id=global");
    Answer withoutId = get("/api/v1/audit/events?type=coordinator");
    Answer verifiedById = get("/api/v1/audit/verify?type=coordinator&id=global");
    Answer verifiedWithoutId = get("/api/v1/audit/verify?type=coordinator");

    assertEquals(200, byId.status(), byId.toString());
    assertEquals("SafetyCoordinator|global", byId.body().get("events").get(0).get("persistenceId").asText());
    assertEquals("global", byId.body().get("events").get(0).get("entityId").asText());
    assertEquals(byId.body(), withoutId.body());
    assertEquals(200, verifiedById.status(), verifiedById.toString());
    assertTrue(verifiedById.body().get("ok").asBoolean(), verifiedById.toString());
    assertEquals(COORDINATOR_EVENTS, verifiedById.body().get("verified").asInt(), verifiedById.toString());
    assertEquals(verifiedById.body(), verifiedWithoutId.body());
  }

  @Test
  void anIdNotShapedAsItsTypesIdsIsRefusedWithTheShapeNamed() {
    Map<String, String> shapeByRefusedQuery = Map.of(
        "type=connection&id=demo", "exchange:account",
        "type=connection&id=paper:demo:extra", "exchange:account",
        "type=connection&id=paper:", "exchange:account",
        "type=symbol&id=paper:btcusdt", "exchange:SYMBOL",
        "type=symbol&id=BTCUSDT", "exchange:SYMBOL",
        "type=strategy&id=paper:demo", "strategy id",
        "type=risk&id=paper:demo", "account",
        "type=coordinator&id=local", "global");

    for (var refused : shapeByRefusedQuery.entrySet()) {
      for (String call : List.of("events", "verify")) {
        Answer answer = get("/api/v1/audit/" + call + "?" + refused.getKey());

        assertEquals(400, answer.status(), call + "?" + refused.getKey() + ": " + answer);
        assertEquals("invalid_id", answer.body().get("error").asText(), answer.toString());
        assertReadable(answer);
        assertTrue(answer.body().get("message").asText().contains(refused.getValue()), answer.toString());
      }
    }
  }

  @Test
  void aVerificationWithoutIdIsRefusedExceptForTheCoordinator() {
    Answer answer = get("/api/v1/audit/verify?type=connection");

    assertEquals(400, answer.status(), answer.toString());
    assertEquals("missing_id", answer.body().get("error").asText(), answer.toString());
    assertReadable(answer);
    assertTrue(answer.body().get("message").asText().contains("exchange:account"), answer.toString());
  }

  @Test
  void parametersOutsideTheirRangeOrListingAreRefusedReadably() {
    Map<String, String> errorByQuery = Map.of(
        "type=planet", "invalid_type",
        "type=coordinator&limit=0", "invalid_limit",
        "type=connection&limit=" + (AuditQueries.MAX_PAGE + 1), "invalid_limit",
        "type=connection&id=paper:demo&from=0", "invalid_from",
        "type=connection&id=paper:demo&from=2026-01-01T00:00:00Z", "invalid_from",
        "type=connection&id=paper:demo&after=MTIz", "invalid_after",
        "type=coordinator&to=2026-01-01T00:00:00Z", "invalid_to",
        "type=connection&after=garbage", "invalid_after");

    for (var refused : errorByQuery.entrySet()) {
      Answer answer = get("/api/v1/audit/events?" + refused.getKey());

      assertEquals(400, answer.status(), refused.getKey() + ": " + answer);
      assertEquals(refused.getValue(), answer.body().get("error").asText(), answer.toString());
      assertReadable(answer);
    }
  }

  @Test
  void everyListingIsAPageOfEventsAndNext() {
    List<String> listings = List.of("type=strategy", "type=risk", "type=connection", "type=symbol", "type=coordinator",
        "type=connection&id=paper:demo", "type=symbol&id=paper:BTCUSDT", "type=coordinator&id=global",
        "type=connection&id=paper:demo&from=" + (Integer.MAX_VALUE + 1L));

    for (String listing : listings) {
      Answer answer = get("/api/v1/audit/events?" + listing);

      assertEquals(200, answer.status(), listing + ": " + answer);
      List<String> fields = new ArrayList<>();
      answer.body().fieldNames().forEachRemaining(fields::add);
      assertEquals(List.of("events", "next"), fields.stream().sorted().toList(), listing + ": " + answer);
      assertTrue(answer.body().get("events").isArray(), listing + ": " + answer);
      assertTrue(answer.body().get("next").isNull() || answer.body().get("next").isTextual()
          || answer.body().get("next").isIntegralNumber(), listing + ": " + answer);
    }
  }

  @Test
  void anEntitysEventsComeInPagesOfTheDefaultSizeThatNextWalksWithoutGapsOrRepeats() {
    JsonNode firstPage = get("/api/v1/audit/events?type=coordinator&id=global").body();

    List<JsonNode> all = pageByPage("type=coordinator&id=global", "from");

    assertEquals(AuditQueries.DEFAULT_PAGE, firstPage.get("events").size(), firstPage.toString());
    assertEquals(AuditQueries.DEFAULT_PAGE + 1, firstPage.get("next").asLong(),
        "the next page's first sequence number");
    assertEquals(LongStream.rangeClosed(1, COORDINATOR_EVENTS).boxed().toList(),
        all.stream().map(e -> e.get("sequenceNumber").asLong()).toList());
    JsonNode limited = get("/api/v1/audit/events?type=coordinator&limit=" + (COORDINATOR_EVENTS - 1)).body();
    assertEquals(COORDINATOR_EVENTS - 1, limited.get("events").size());
    assertEquals(COORDINATOR_EVENTS, limited.get("next").asLong());
    JsonNode last = get("/api/v1/audit/events?type=coordinator&from=" + COORDINATOR_EVENTS).body();
    assertEquals(1, last.get("events").size(), last.toString());
    assertTrue(last.get("next").isNull(), last.toString());
  }

  @Test
  void aTypesEventsComeInPagesOfTheDefaultSizeThatNextWalksWithoutGapsOrRepeats() {
    List<String> byId = pageByPage("type=connection&id=paper:demo", "from").stream().map(AuditRoutesTest::key).toList();
    assertTrue(byId.size() > AuditQueries.DEFAULT_PAGE, "more events than a page: " + byId.size());

    List<String> byType = Await.until("the type listing to show every event of the connection",
        () -> pageByPage("type=connection", "after").stream().map(AuditRoutesTest::key).toList(),
        listed -> listed.size() >= byId.size(), WAIT);
    JsonNode firstPage = get("/api/v1/audit/events?type=connection").body();

    assertEquals(byId.size(), new HashSet<>(byType).size(), "listed twice: " + byType);
    assertEquals(Set.copyOf(byId), Set.copyOf(byType));
    assertEquals(AuditQueries.DEFAULT_PAGE, firstPage.get("events").size());
    assertTrue(firstPage.get("next").isTextual(), firstPage.get("next").toString());
  }

  @Test
  void auditTimesAreIso8601WithTheEpochMillisecondsBeside() {
    List<JsonNode> events = new ArrayList<>(pageByPage("type=coordinator", "from"));
    events.addAll(pageByPage("type=symbol&id=paper:BTCUSDT", "from"));
    get("/api/v1/audit/events?type=connection").body().get("events").forEach(events::add);
    Instant now = Instant.now();

    assertTrue(events.size() > COORDINATOR_EVENTS, "events: " + events.size());
    for (JsonNode event : events) {
      String timestamp = event.get("timestamp").asText();
      assertTrue(ISO_INSTANT.matcher(timestamp).matches(), event.toString());
      Instant at = Instant.parse(timestamp);
      assertEquals(at.toEpochMilli(), event.get("timestampMs").asLong(), event.toString());
      assertFalse(at.isBefore(startedAt.minusSeconds(1)) || at.isAfter(now), event.toString());
    }
  }

  /** Every event of a listing, following {@code next} as {@code pageParameter} until it is null. */
  private List<JsonNode> pageByPage(String listing, String pageParameter) {
    List<JsonNode> events = new ArrayList<>();
    JsonNode page = get("/api/v1/audit/events?" + listing).body();
    page.get("events").forEach(events::add);
    while (!page.get("next").isNull()) {
      page = get("/api/v1/audit/events?" + listing + "&" + pageParameter + "=" + page.get("next").asText()).body();
      page.get("events").forEach(events::add);
    }
    return events;
  }

  private static String key(JsonNode event) {
    return event.get("persistenceId").asText() + "#" + event.get("sequenceNumber").asLong();
  }

  private static Set<String> entityIds(JsonNode page) {
    Set<String> ids = new HashSet<>();
    page.get("events").forEach(e -> ids.add(e.get("entityId").asText()));
    return ids;
  }

  /** A 4xx a person can act on: a message, and nothing of the code that made it. */
  private static void assertReadable(Answer answer) {
    String message = answer.body().get("message").asText();
    assertFalse(message.isBlank(), answer.toString());
    for (String internal : List.of("Exception", "org.", "java.", "\tat ")) {
      assertFalse(message.contains(internal), answer.toString());
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
              + binding.localAddress().getPort() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<AuditEvent> stored(String entityType, String entityId) {
    return join(journal.eventsOf(entityType, entityId, 1, 10_000));
  }

  private ModeView mode() {
    return join(AskPattern.<SafetyCoordinator.Command, ModeView>ask(coordinator, SafetyCoordinator.GetMode::new,
        WAIT, kit.system().scheduler()));
  }

  private void changeMode(TradingMode target, String reason) {
    StatusReply<ModeView> reply = join(AskPattern.<SafetyCoordinator.Command, StatusReply<ModeView>>ask(coordinator,
        replyTo -> new SafetyCoordinator.ChangeMode(target, reason, replyTo), WAIT, kit.system().scheduler()));
    assertTrue(reply.isSuccess(), reason + " refused: " + reply);
  }

  private static String step(int i) {
    return String.format("step-%04d", i);
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  /** The coordinator tells the connection every mode; the connection registers with the coordinator. */
  private EntityDirectory directory() {
    return new EntityDirectory() {
      @Override
      public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
        return kit.system().ignoreRef();
      }

      @Override
      public RecipientRef<RiskEntity.Command> risk(String account) {
        return kit.system().ignoreRef();
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
  }
}
