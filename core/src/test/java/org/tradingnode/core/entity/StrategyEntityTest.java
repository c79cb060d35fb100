package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.CATALOG;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.runner.StrategyRunner;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.risk.DenyReason;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.domain.strategy.TradingStrategy;
import org.tradingnode.core.testing.LogLines;
import org.tradingnode.core.testing.ManualClock;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyEntityTest {
  private static final StrategyConfig CONFIG = new StrategyConfig("s1", "momentum", "demo", "paper",
      List.of("BTCUSDT"), Map.of("fastPeriod", "2", "slowPeriod", "3"));
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private ProbeDirectory directory;
  private EventSourcedBehaviorTestKit<StrategyEntity.Command, StrategyEntity.Event, StrategyEntity.State> entity;

  @BeforeEach
  void setUp() {
    directory = new ProbeDirectory(kit);
    entity = EventSourcedBehaviorTestKit.create(kit.system(), StrategyEntity.create("s1", directory, CATALOG,
        StrategyTypes.builtIn(), EntityTestSupport.runners(directory), CLOCK));
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  private StrategyEntity.Reply create() {
    return entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo))
        .reply();
  }

  private StrategyEntity.DefinedStrategy state() {
    return (StrategyEntity.DefinedStrategy) entity.getState();
  }

  private void proposeBuy() {
    long version = 2;
    entity.runCommand(new StrategyEntity.ProposeIntents(List.of(new IntentProposal("BTCUSDT", Side.BUY,
        OrderType.MARKET, new BigDecimal("0.01"), null, new BigDecimal("60000"), false, "entry")), version));
  }

  @Test
  void createPersistsTheConfigStartsItAndRegistersWithTheCoordinator() {
    var result = entity.<StrategyEntity.Reply>runCommand(
        replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo));

    assertEquals(List.of(new StrategyEntity.StrategyCreated(CONFIG, NOW), new StrategyEntity.StrategyStarted(NOW)),
        EntityTestSupport.events(result));
    assertEquals(StrategyStatus.RUNNING, ((StrategyEntity.Done) result.reply()).details().status());
    directory.coordinator.expectMessage(new SafetyCoordinator.Register(
        new Participant(Participant.Kind.STRATEGY, "s1")));
  }

  @Test
  void theRunnerStartsOnlyOnceTheCoordinatorHasToldTheMode() {
    create();
    directory.coordinator.expectMessageClass(SafetyCoordinator.Register.class);

    directory.symbols.expectNoMessage(Duration.ofMillis(300));
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "node started", NOW));

    directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class);
  }

  @Test
  void aStrategyThatMissedAHaltWhileItsNodeWasDownStaysStoppedWhenTheCoordinatorSaysHalted() {
    create();
    entity.restart();
    directory.coordinator.expectMessageClass(SafetyCoordinator.Register.class);
    directory.coordinator.expectMessageClass(SafetyCoordinator.Register.class);

    var halted = entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "emergency stop", NOW));

    assertEquals(StrategyStatus.HALTED, ((StrategyEntity.DefinedStrategy) halted.state()).status());
    directory.symbols.expectNoMessage(Duration.ofMillis(300));
  }

  @Test
  void createWithASymbolTheExchangeDoesNotListIsRefusedAndPersistsNothing() {
    StrategyConfig bad = new StrategyConfig("s1", "momentum", "demo", "paper", List.of("DOGEUSDT"), Map.of());

    var result = entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(bad, replyTo));

    assertEquals(StrategyEntity.Refusal.INVALID, ((StrategyEntity.Refused) result.reply()).refusal());
    assertTrue(result.hasNoEvents());
  }

  @Test
  void createWithBadParametersIsRefusedWithTheParameterNamed() {
    StrategyConfig bad = new StrategyConfig("s1", "momentum", "demo", "paper", List.of("BTCUSDT"),
        Map.of("orderNotional", "-1"));

    var reply = (StrategyEntity.Refused) entity.<StrategyEntity.Reply>runCommand(
        replyTo -> new StrategyEntity.CreateStrategy(bad, replyTo)).reply();

    assertTrue(reply.message().contains("orderNotional"), reply.message());
  }

  @Test
  void creatingTwiceIsRefusedAsAlreadyExisting() {
    create();

    assertEquals(StrategyEntity.Refusal.ALREADY_EXISTS, ((StrategyEntity.Refused) create()).refusal());
  }

  @Test
  void askingForAnUnknownStrategyAnswersNotFound() {
    var reply = entity.<StrategyEntity.Reply>runCommand(StrategyEntity.GetStrategy::new).reply();

    assertEquals(StrategyEntity.Refusal.NOT_FOUND, ((StrategyEntity.Refused) reply).refusal());
  }

  @Test
  void aProposalBecomesAPersistedIntentWithADeterministicClientOrderIdSentToRisk() {
    create();

    proposeBuy();

    var evaluate = directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class);
    assertEquals("s1-1", evaluate.intent().clientOrderId());
    assertEquals(OrderStatus.NEW, state().book().order("s1-1").orElseThrow().status());
    assertEquals(2, state().book().nextSequence());
  }

  @Test
  void aProposalFromAStaleViewIsIgnored() {
    create();

    var result = entity.runCommand(new StrategyEntity.ProposeIntents(List.of(new IntentProposal("BTCUSDT", Side.BUY,
        OrderType.MARKET, new BigDecimal("0.01"), null, new BigDecimal("60000"), false, "entry")), 1));

    assertTrue(result.hasNoEvents());
  }

  @Test
  void afterARestartAnUnansweredIntentIsAskedOfTheConnectionFirstAndOfRiskOnlyWhenTheConnectionNeverHadIt() {
    create();
    proposeBuy();
    directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class);

    entity.restart();

    assertEquals(new ExchangeConnectionEntity.ReplayOrders("s1", List.of("s1-1")),
        directory.connections.expectMessageClass(ExchangeConnectionEntity.ReplayOrders.class));
    directory.risk.expectNoMessage(Duration.ofMillis(200));
    entity.runCommand(new StrategyEntity.OrderUnknownToConnection("s1-1"));
    assertEquals("s1-1", directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class).intent().clientOrderId());
  }

  @Test
  void anOrderWithoutNewsForFiveSecondsIsFollowedUpWithTheConnection() {
    ManualClock moving = new ManualClock(NOW);
    var strategy = EventSourcedBehaviorTestKit.<StrategyEntity.Command, StrategyEntity.Event, StrategyEntity.State>create(
        kit.system(), StrategyEntity.create("s1", directory, CATALOG, StrategyTypes.builtIn(),
            EntityTestSupport.runners(directory), moving));
    strategy.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo));
    strategy.runCommand(new StrategyEntity.ProposeIntents(List.of(new IntentProposal("BTCUSDT", Side.BUY,
        OrderType.MARKET, new BigDecimal("0.01"), null, new BigDecimal("60000"), false, "entry")), 2));

    strategy.runCommand(new StrategyEntity.FollowUpUnansweredIntents());
    directory.connections.expectNoMessage(Duration.ofMillis(200));
    moving.advance(OrderFollowUps.UNANSWERED_AFTER.toMillis());
    strategy.runCommand(new StrategyEntity.FollowUpUnansweredIntents());

    assertEquals(new ExchangeConnectionEntity.ReplayOrders("s1", List.of("s1-1")),
        directory.connections.expectMessageClass(ExchangeConnectionEntity.ReplayOrders.class));
  }

  @Test
  void anOrderTheConnectionDoesNotKnowIsNotAskedOfRiskAgainOnceItIsAnswered() {
    create();
    proposeBuy();
    directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class);
    entity.runCommand(new StrategyEntity.IntentDenied("s1-1", DenyReason.MAX_ORDER_NOTIONAL, "too big"));

    entity.runCommand(new StrategyEntity.OrderUnknownToConnection("s1-1"));

    directory.risk.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void aDeniedIntentClosesTheOrderAsRejectedWithTheRuleReason() {
    create();
    proposeBuy();

    entity.runCommand(new StrategyEntity.IntentDenied("s1-1", DenyReason.MAX_ORDER_NOTIONAL, "too big"));

    var order = state().book().order("s1-1").orElseThrow();
    assertEquals(OrderStatus.REJECTED, order.status());
    assertTrue(order.reason().startsWith("MAX_ORDER_NOTIONAL"));
  }

  @Test
  void fillsUpdateThePositionAndAFillReportedTwiceIsRecordedOnce() {
    create();
    proposeBuy();
    Fill fill = new Fill("s1-1-0.01", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("60000.00"),
        new BigDecimal("0.01"), new BigDecimal("0.60"), false, NOW);
    entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Accepted("s1-1", "v1", NOW)));

    var first = entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Filled(fill)));
    var second = entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Filled(fill)));

    assertEquals(List.of(new StrategyEntity.OrderFilled(fill, 2)), EntityTestSupport.events(first));
    assertTrue(second.hasNoEvents());
    assertEquals(0, new BigDecimal("0.01").compareTo(state().book().position("BTCUSDT").quantity()));
    assertEquals(OrderStatus.FILLED, state().book().order("s1-1").orElseThrow().status());
  }

  @Test
  void replayRoundsThePnlAsRecordedThoughTheInstrumentIsNoLongerConfigured() {
    create();
    proposeBuy();
    entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Accepted("s1-1", "v1", NOW, List.of(
        new Fill("s1-1-f", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("60000.00"), new BigDecimal("0.01"),
            BigDecimal.ZERO, false, NOW)))));
    long version = 4;
    entity.runCommand(new StrategyEntity.ProposeIntents(List.of(new IntentProposal("BTCUSDT", Side.SELL,
        OrderType.MARKET, new BigDecimal("0.01"), null, new BigDecimal("60001.23"), true, "exit")), version));
    entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Accepted("s1-2", "v2", NOW, List.of(
        new Fill("s1-2-f", "s1-2", "BTCUSDT", Side.SELL, new BigDecimal("60001.23"), new BigDecimal("0.01"),
            BigDecimal.ZERO, false, NOW)))));
    BigDecimal realized = state().book().position("BTCUSDT").realizedPnl();
    assertEquals(new BigDecimal("0.01"), realized);

    var withoutTheInstrument = kit.spawn(StrategyEntity.create("s1", directory, new InstrumentCatalog(List.of()),
        StrategyTypes.builtIn(), EntityTestSupport.runners(directory), CLOCK));
    TestProbe<StrategyEntity.Reply> replies = kit.createTestProbe();
    withoutTheInstrument.tell(new StrategyEntity.GetStrategy(replies.ref()));

    var replayed = replies.expectMessageClass(StrategyEntity.Done.class).details();
    assertEquals(realized, replayed.positions().get(0).realizedPnl());
    kit.stop(withoutTheInstrument);
  }

  @Test
  void anAcceptanceCarryingItsFillIsOneEventThatFillsTheOrderAndAReplayOfItsPartsAddsNothing() {
    create();
    proposeBuy();
    Fill fill = new Fill("s1-1-0.01", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("60000.00"),
        new BigDecimal("0.01"), new BigDecimal("0.60"), false, NOW);

    var answered = entity.runCommand(new StrategyEntity.OrderUpdated(
        new VenueReport.Accepted("s1-1", "v1", NOW, List.of(fill))));
    var replayedAcceptance = entity.runCommand(new StrategyEntity.OrderUpdated(
        new VenueReport.Accepted("s1-1", "v1", NOW)));
    var replayedFill = entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Filled(fill)));

    assertEquals(List.of(new StrategyEntity.OrderAccepted("s1-1", "v1", NOW, List.of(fill), 2)),
        EntityTestSupport.events(answered));
    assertTrue(replayedAcceptance.hasNoEvents());
    assertTrue(replayedFill.hasNoEvents());
    assertEquals(0, new BigDecimal("0.01").compareTo(state().book().position("BTCUSDT").quantity()));
    assertEquals(OrderStatus.FILLED, state().book().order("s1-1").orElseThrow().status());
    assertEquals(1, details().counts().fills());
    assertEquals(1, details().counts().filled());
  }

  @Test
  void marksAnswerTheLastPricesTheRunnerRecordedAndNothingBefore() {
    create();
    var before = entity.<StrategyEntity.Marks>runCommand(StrategyEntity.GetMarks::new);

    entity.runCommand(new StrategyEntity.RecordMarks(Map.of("BTCUSDT", new BigDecimal("60100.50"))));
    var after = entity.<StrategyEntity.Marks>runCommand(StrategyEntity.GetMarks::new);

    assertEquals(Map.of(), before.reply().prices());
    assertEquals(Map.of("BTCUSDT", new BigDecimal("60100.50")), after.reply().prices());
    assertTrue(after.hasNoEvents());
  }

  @Test
  void haltStopsTheStrategysRunnerLeavesItsOrdersToTheConnectionsOwnHaltAndResumeStartsANewOne() {
    create();
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "node started", NOW));
    var firstRunner = directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class).subscriber();
    assertTrue(details().placement().runnerActive());
    assertEquals(NOW, details().placement().runnerSince(), "the runner's start, on the entity's clock");

    TestProbe<NodeNotice.StrategyHalted> notices = kit.createTestProbe();
    kit.system().eventStream().tell(new EventStream.Subscribe<>(NodeNotice.StrategyHalted.class, notices.ref()));

    var halted = entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "operator", NOW + 1));

    assertInstanceOf(StrategyEntity.StrategyHalted.class, EntityTestSupport.event(halted));
    assertEquals(new NodeNotice.StrategyHalted("s1", NOW + 1), notices.receiveMessage());
    assertEquals(StrategyStatus.HALTED, state().status());
    assertFalse(details().placement().runnerActive());
    assertEquals(0, details().placement().runnerSince());
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.MAINTENANCE, "upgrade", NOW + 2));
    // The connection cancels every open order of the account when it applies the halt itself; the first
    // request it gets from the strategy is the one of the later mode, which the connection does not act on.
    directory.connections.expectMessage(new ExchangeConnectionEntity.CancelStrategyOrders("s1",
        "trading MAINTENANCE"));

    var resumed = entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "resumed", NOW + 3));

    assertInstanceOf(StrategyEntity.StrategyResumed.class, EntityTestSupport.event(resumed));
    assertEquals(StrategyStatus.RUNNING, state().status());
    var secondRunner = directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class).subscriber();
    assertNotEquals(firstRunner, secondRunner);
    assertTrue(details().placement().runnerActive());
  }

  private StrategyDetails details() {
    return ((StrategyEntity.Done) entity.<StrategyEntity.Reply>runCommand(StrategyEntity.GetStrategy::new).reply())
        .details();
  }

  @Test
  void startingWhileTradingIsHaltedIsRefused() {
    create();
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));
    entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.StopStrategy("manual", replyTo));

    var reply = entity.<StrategyEntity.Reply>runCommand(StrategyEntity.StartStrategy::new).reply();

    assertEquals(StrategyEntity.Refusal.CONFLICT, ((StrategyEntity.Refused) reply).refusal());
  }

  @Test
  void aStrategyCreatedWhileTradingIsHaltedIsRecordedHaltedAndDoesNotRun() {
    var result = entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG,
        new ModeView(TradingMode.HALTED, "drill", NOW), replyTo));

    assertEquals(List.of(new StrategyEntity.StrategyCreated(CONFIG, NOW),
        new StrategyEntity.StrategyHalted("HALTED: drill", NOW)), EntityTestSupport.events(result));
    assertEquals(StrategyStatus.HALTED, ((StrategyEntity.Done) result.reply()).details().status());
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "drill", NOW));
    directory.symbols.expectNoMessage(Duration.ofMillis(300));
  }

  @Test
  void aStrategyWhoseLastOrdersWereAllRefusedIsPausedWithTheReasonAndAnAlert() {
    create();
    directory.coordinator.expectMessageClass(SafetyCoordinator.Register.class);
    int allowed = RunnerSupervision.defaults().maxRefusalsInARow();
    @SuppressWarnings("resource")
    LogLines pauses = LogLines.capture(TradeLog.STRATEGIES);
    for (int i = 1; i <= allowed; i++) {
      refusedBuy(2L * i, "s1-" + i);
      if (i < allowed) {
        assertEquals(StrategyStatus.RUNNING, state().status(), "after " + i + " refusals");
      }
    }

    SafetyCoordinator.ReportAlert alert = directory.coordinator.expectMessageClass(SafetyCoordinator.ReportAlert.class);
    assertEquals(Alert.STRATEGY_PAUSED, alert.alert());
    assertEquals(1, pauses.containing("paused: its last " + allowed + " orders were refused").size(),
        pauses.lines().toString());
    assertEquals(StrategyStatus.STOPPED, state().status());
    assertTrue(state().statusReason().startsWith("paused: its last " + allowed + " orders were refused"),
        state().statusReason());
    assertTrue(state().statusReason().contains("MAX_ORDER_NOTIONAL"), state().statusReason());
    entity.restart();
    assertEquals(1, pauses.containing("paused").size(), "replaying the pause logs nothing again");
    pauses.close();
  }

  @Test
  void refusalsBeforeTheStrategyWasStartedAgainDoNotCountTowardsAPause() {
    ManualClock clock = new ManualClock(NOW);
    entity = EventSourcedBehaviorTestKit.create(kit.system(), StrategyEntity.create("s1", directory, CATALOG,
        StrategyTypes.builtIn(), EntityTestSupport.runners(directory), clock));
    create();
    int allowed = RunnerSupervision.defaults().maxRefusalsInARow();
    long version = 2;
    for (int i = 1; i < allowed; i++) {
      refusedBuy(version, "s1-" + i);
      version += 2;
    }
    entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.StopStrategy("manual", replyTo));
    clock.advance(1000);
    entity.<StrategyEntity.Reply>runCommand(StrategyEntity.StartStrategy::new);

    refusedBuy(version + 2, "s1-" + allowed);

    assertEquals(StrategyStatus.RUNNING, state().status(), state().statusReason());
  }

  private void refusedBuy(long version, String clientOrderId) {
    entity.runCommand(new StrategyEntity.ProposeIntents(List.of(new IntentProposal("BTCUSDT", Side.BUY,
        OrderType.MARKET, new BigDecimal("0.01"), null, new BigDecimal("60000"), false, "entry")), version));
    entity.runCommand(new StrategyEntity.IntentDenied(clientOrderId, DenyReason.MAX_ORDER_NOTIONAL, "above 25000"));
  }

  /** Creates the strategy and gives it a filled buy of 0.01 BTCUSDT (order s1-1). */
  private void holdingABuy() {
    create();
    proposeBuy();
    entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Accepted("s1-1", "v1", NOW, List.of(
        new Fill("s1-1-f", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("60000.00"), new BigDecimal("0.01"),
            BigDecimal.ZERO, false, NOW)))));
  }

  private StrategyEntity.Reply stop() {
    return entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.StopStrategy("manual", replyTo))
        .reply();
  }

  private StrategyEntity.Reply delete() {
    return entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.DeleteStrategy("done with it",
        replyTo)).reply();
  }

  @Test
  void aStrategyIsDeletedOnlyOnceStoppedAndFlatAndEachRefusalSaysWhy() {
    holdingABuy();

    StrategyEntity.Refused running = (StrategyEntity.Refused) delete();
    stop();
    StrategyEntity.Refused holding = (StrategyEntity.Refused) delete();

    assertEquals(StrategyEntity.Refusal.CONFLICT, running.refusal());
    assertEquals("strategy s1 is running; stop it first", running.message());
    assertEquals("strategy s1 holds [0.01 BTCUSDT]; flatten it first (POST .../flatten)", holding.message());
  }

  @Test
  void aDeletedStrategyAnswersAsDeletedAndItsIdCanBeUsedAgainWithoutReusingAClientOrderId() {
    create();
    proposeBuy();
    entity.runCommand(new StrategyEntity.IntentDenied("s1-1", DenyReason.MAX_ORDER_NOTIONAL, "above 25000"));
    stop();

    assertInstanceOf(StrategyEntity.Done.class, delete());
    StrategyEntity.Refused asked = (StrategyEntity.Refused) entity.<StrategyEntity.Reply>runCommand(
        StrategyEntity.GetStrategy::new).reply();
    assertEquals(StrategyEntity.Refusal.NOT_FOUND, asked.refusal());
    assertEquals("strategy s1 was deleted (done with it)", asked.message());

    assertEquals(StrategyStatus.RUNNING, ((StrategyEntity.Done) create()).details().status());
    entity.restart();
    assertEquals(2, state().book().nextSequence(), "s1-1 was issued before the deletion");
    assertEquals(0, state().book().counts().intended());
  }

  @Test
  void parametersChangeOnlyWhileStoppedAndAreCheckedAsAtCreation() {
    create();
    var reconfigure = (java.util.function.Function<Map<String, String>, StrategyEntity.Reply>) params ->
        entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.ReconfigureStrategy(params, true,
            replyTo)).reply();

    StrategyEntity.Refused running = (StrategyEntity.Refused) reconfigure.apply(Map.of("slowPeriod", "5"));
    stop();
    StrategyEntity.Refused bad = (StrategyEntity.Refused) reconfigure.apply(Map.of("slowPeriod", "1"));
    StrategyEntity.Done changed = (StrategyEntity.Done) reconfigure.apply(Map.of("slowPeriod", "5"));

    assertEquals(StrategyEntity.Refusal.CONFLICT, running.refusal());
    assertEquals(StrategyEntity.Refusal.INVALID, bad.refusal());
    assertEquals(Map.of("fastPeriod", "2", "slowPeriod", "5"), changed.details().config().params());
    entity.restart();
    assertEquals("5", state().config().params().get("slowPeriod"));
  }

  @Test
  void flattenStopsTheStrategyAndClosesItsPositionWithAReduceOnlyOrderThroughRisk() {
    holdingABuy();
    directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class);

    var reply = entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.FlattenStrategy("done",
        false, replyTo)).reply();

    assertEquals(StrategyStatus.STOPPED, ((StrategyEntity.Done) reply).details().status());
    OrderIntent closing = directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class).intent();
    assertEquals(Side.SELL, closing.side());
    assertEquals(0, new BigDecimal("0.01").compareTo(closing.quantity()));
    assertTrue(closing.isFlatten(), closing.toString());
    entity.runCommand(new StrategyEntity.OrderUpdated(new VenueReport.Accepted(closing.clientOrderId(), "v2", NOW,
        List.of(new Fill("s1-2-f", closing.clientOrderId(), "BTCUSDT", Side.SELL, new BigDecimal("60000.00"),
            new BigDecimal("0.01"), BigDecimal.ZERO, false, NOW)))));
    assertTrue(state().book().position("BTCUSDT").isFlat());
    directory.risk.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void aClosingOrderRefusedEveryTimeIsGivenUpAfterItsAttempts() {
    holdingABuy();
    directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class);
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "drill", NOW));

    entity.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.FlattenStrategy("drill", true, replyTo));
    for (int i = 0; i < FlattenRequest.ATTEMPTS; i++) {
      OrderIntent closing = directory.risk.expectMessageClass(RiskEntity.EvaluateIntent.class).intent();
      entity.runCommand(new StrategyEntity.IntentDenied(closing.clientOrderId(), DenyReason.MAX_ORDER_RATE, "busy"));
    }

    directory.risk.expectNoMessage(Duration.ofMillis(300));
    assertEquals(StrategyStatus.HALTED, state().status());
  }

  @Test
  void haltedStrategyStaysHaltedAfterARestart() {
    create();
    entity.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));

    entity.restart();

    assertEquals(StrategyStatus.HALTED, state().status());
  }

  /** A symbol that pushes the same trade to its subscribers every 20 ms. */
  private static org.apache.pekko.actor.typed.Behavior<SymbolEntity.Command> tickingSymbol(
      org.tradingnode.core.domain.market.Trade trade) {
    var subscribers = new java.util.HashSet<org.apache.pekko.actor.typed.ActorRef<SymbolEntity.MarketDataBatch>>();
    return org.apache.pekko.actor.typed.javadsl.Behaviors.withTimers(timers -> {
      timers.startTimerAtFixedRate(new SymbolEntity.PublishMarketData(List.of(trade)), Duration.ofMillis(20));
      return org.apache.pekko.actor.typed.javadsl.Behaviors.receive(SymbolEntity.Command.class)
          .onMessage(SymbolEntity.Subscribe.class, cmd -> {
            subscribers.add(cmd.subscriber());
            return org.apache.pekko.actor.typed.javadsl.Behaviors.same();
          })
          .onMessage(SymbolEntity.PublishMarketData.class, cmd -> {
            subscribers.forEach(s -> s.tell(new SymbolEntity.MarketDataBatch("paper:BTCUSDT", cmd.events())));
            return org.apache.pekko.actor.typed.javadsl.Behaviors.same();
          })
          .build();
    });
  }

  @Test
  void aRunnerThatKeepsCrashingMakesTheStrategyFailedAndAlertsTheCoordinator() {
    StrategyTypes crashing = new StrategyTypes() {
      @Override
      public Set<String> names() {
        return Set.of("momentum");
      }

      @Override
      public TradingStrategy create(StrategyConfig config, Map<String, Instrument> instruments) {
        return (event, view) -> {
          throw new IllegalStateException("strategy bug");
        };
      }
    };
    var market = new org.tradingnode.core.domain.market.Trade("BTCUSDT", NOW, 1, 60000, 0.1, Side.BUY);
    var tickingSymbol = kit.spawn(tickingSymbol(market));
    EntityDirectory withMarket = new EntityDirectory() {
      public org.apache.pekko.actor.typed.RecipientRef<StrategyEntity.Command> strategy(String id) {
        return directory.strategy(id);
      }

      public org.apache.pekko.actor.typed.RecipientRef<RiskEntity.Command> risk(String account) {
        return directory.risk(account);
      }

      public org.apache.pekko.actor.typed.RecipientRef<ExchangeConnectionEntity.Command> connection(String id) {
        return directory.connection(id);
      }

      public org.apache.pekko.actor.typed.RecipientRef<SymbolEntity.Command> symbol(String id) {
        return tickingSymbol;
      }

      public org.apache.pekko.actor.typed.RecipientRef<SafetyCoordinator.Command> coordinator() {
        return directory.coordinator();
      }
    };
    var failing = EventSourcedBehaviorTestKit.<StrategyEntity.Command, StrategyEntity.Event, StrategyEntity.State>create(
        kit.system(), StrategyEntity.create("s1", withMarket, CATALOG, crashing, StrategyRunner.factory(crashing,
            withMarket, new RunnerSupervision(Duration.ofMillis(10), Duration.ofMillis(20), 2, 10)), CLOCK));

    failing.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo));

    directory.coordinator.expectMessageClass(SafetyCoordinator.Register.class);
    failing.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "node started", NOW));
    var alert = directory.coordinator.expectMessageClass(SafetyCoordinator.ReportAlert.class, Duration.ofSeconds(10));
    assertEquals(Alert.STRATEGY_FAILED, alert.alert());
    assertEquals(StrategyStatus.FAILED, ((StrategyEntity.DefinedStrategy) failing.getState()).status());
  }
}
