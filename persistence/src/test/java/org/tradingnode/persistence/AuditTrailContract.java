package org.tradingnode.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.testing.Await;

/**
 * The audit trail on a real journal, the same for every profile: the hash chain of an entity verifies
 * across snapshots and a restart, an event edited in the database is named by the verifier, the events
 * of a type are listed across entities in time order, page by page, and one entity's events are paged
 * by sequence number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AuditTrailContract {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private JournalUnderTest journal;
  private ActorTestKit kit;
  private AuditReader audit;
  private long symbolsStartedAt;

  abstract JournalUnderTest startJournal() throws Exception;

  @BeforeAll
  void start() throws Exception {
    journal = startJournal();
    kit = ActorTestKit.create("audit", journal.config());
    audit = new AuditReader(kit.system(), journal.readJournalPluginId());
  }

  @AfterAll
  void stop() {
    if (kit != null) {
      kit.shutdownTestKit();
    }
  }

  @Test
  @Order(1)
  void theChainOfAnEntityVerifiesAcrossSnapshotsAndARestart() throws Exception {
    ActorRef<SafetyCoordinator.Command> coordinator = kit.spawn(SafetyCoordinator.create(NO_ONE, Clock.systemUTC()),
        "coordinator-1");
    awaitRunning(coordinator);
    changeModes(coordinator, 0, 230);
    kit.stop(coordinator, WAIT);
    ActorRef<SafetyCoordinator.Command> recovered = kit.spawn(
        SafetyCoordinator.create(NO_ONE, Clock.systemUTC()), "coordinator-2");
    changeModes(recovered, 230, 10);

    int stored = await(audit.eventsOf("SafetyCoordinator", "global", 1, 10_000)).size();
    ChainVerification result = await(audit.verify("SafetyCoordinator", "global")).orElseThrow();

    assertTrue(stored > 240, "events stored: " + stored);
    assertTrue(result.ok(), result.toString());
    assertEquals(stored, result.verified());
    assertEquals(0, result.unchained());
    kit.stop(recovered, WAIT);
  }

  @Test
  @Order(2)
  void anEventEditedInTheDatabaseIsNamedByTheVerifier() throws Exception {
    AuditEvent seventh = await(audit.eventsOf("SafetyCoordinator", "global", 7, 1)).get(0);
    String reason = seventh.payload().get("reason").asText();

    journal.editStoredEvent("SafetyCoordinator|global", 7, reason, reason.substring(0, reason.length() - 1) + "X");
    ChainVerification result = await(audit.verify("SafetyCoordinator", "global")).orElseThrow();

    assertFalse(result.ok());
    assertEquals(7L, result.firstMismatch(), result.toString());
    assertEquals(6, result.verified());
  }

  @Test
  @Order(3)
  void theEventsOfATypeAreListedAcrossEntitiesInTimeOrderPageByPage() throws Exception {
    symbolsStartedAt = System.currentTimeMillis() - 1_000;
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      String id = "paper:SYM" + i + "USDT";
      expected.add("Symbol|" + id);
      kit.spawn(SymbolEntity.create(id, Clock.systemUTC()), "symbol-" + i).tell(new SymbolEntity.PublishMarketData(
          List.of(new Trade("SYM" + i + "USDT", System.currentTimeMillis(), i, 1.0, 1.0, Side.BUY))));
    }

    List<AuditEvent> listed = listAllPages(expected.size());

    Set<String> seen = new HashSet<>();
    listed.forEach(e -> assertTrue(seen.add(e.persistenceId() + "#" + e.sequenceNumber()), "listed twice: " + e));
    assertEquals(expected, new HashSet<>(listed.stream().map(AuditEvent::persistenceId).toList()));
    for (int i = 1; i < listed.size(); i++) {
      assertTrue(listed.get(i - 1).timestampMs() <= listed.get(i).timestampMs(),
          "out of time order at " + i + ": " + listed);
    }
    listed.forEach(e -> assertEquals("SymbolWentLive", e.eventType()));
  }

  @Test
  @Order(4)
  void theEventsOfAnEntityArePagedBySequenceNumberWithoutGapsOrRepeats() {
    int stored = await(audit.eventsOf("SafetyCoordinator", "global", 1, 10_000)).size();
    List<Long> paged = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();

    Long from = 1L;
    while (from != null) {
      EntityAuditPage page = await(audit.pageOf("SafetyCoordinator", "global", from, 100));
      page.events().forEach(e -> paged.add(e.sequenceNumber()));
      pageSizes.add(page.events().size());
      from = page.next();
    }

    assertTrue(stored > 200, "events stored: " + stored);
    assertEquals(LongStream.rangeClosed(1, stored).boxed().toList(), paged);
    assertEquals((stored + 99) / 100, pageSizes.size(), pageSizes.toString());
    pageSizes.subList(0, pageSizes.size() - 1).forEach(size -> assertEquals(100, size, pageSizes.toString()));
  }

  /**
   * Waits until one page shows every expected event (a tag query shows an event once the journal has
   * written it to its tag, which on Cassandra happens asynchronously), then lists them page by page.
   */
  private List<AuditEvent> listAllPages(int expectedCount) {
    Await.until("the events of the type to all show up",
        () -> await(audit.eventsOfType("Symbol", symbolsStartedAt, System.currentTimeMillis() + 60_000, null, 1000))
            .events().size(),
        n -> n >= expectedCount, WAIT);
    List<AuditEvent> all = new ArrayList<>();
    AuditCursor after = null;
    do {
      AuditPage page = await(audit.eventsOfType("Symbol", symbolsStartedAt, System.currentTimeMillis() + 60_000,
          after, 5));
      all.addAll(page.events());
      assertTrue(page.events().size() <= 5);
      after = page.next() == null ? null : AuditCursor.decode(page.next(), EventTags.SLICES);
    } while (after != null);
    return all;
  }

  private void awaitRunning(ActorRef<SafetyCoordinator.Command> coordinator) {
    Await.until("the coordinator to reach RUNNING",
        () -> await(AskPattern.<SafetyCoordinator.Command, ModeView>ask(coordinator, SafetyCoordinator.GetMode::new,
            WAIT, kit.system().scheduler())).mode(),
        mode -> mode == TradingMode.RUNNING, WAIT);
  }

  private void changeModes(ActorRef<SafetyCoordinator.Command> coordinator, int first, int count) {
    for (int i = first; i < first + count; i++) {
      TradingMode target = i % 2 == 0 ? TradingMode.SAFE_MODE : TradingMode.RUNNING;
      String reason = String.format("step-%04d", i);
      StatusReply<ModeView> reply = await(AskPattern.<SafetyCoordinator.Command, StatusReply<ModeView>>ask(
          coordinator, replyTo -> new SafetyCoordinator.ChangeMode(target, reason, replyTo), WAIT,
          kit.system().scheduler()));
      assertTrue(reply.isSuccess(), "mode change " + i + " refused: " + reply);
    }
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final EntityDirectory NO_ONE = new EntityDirectory() {
    @Override
    public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RecipientRef<RiskEntity.Command> risk(String account) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RecipientRef<SafetyCoordinator.Command> coordinator() {
      throw new UnsupportedOperationException();
    }
  };
}
