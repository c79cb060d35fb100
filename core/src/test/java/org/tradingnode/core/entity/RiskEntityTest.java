package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.CATALOG;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.LIMITS;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;
import static org.tradingnode.core.entity.EntityTestSupport.marketBuy;

import ch.qos.logback.classic.Level;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.risk.DenyReason;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.testing.LogLines;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskEntityTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private ProbeDirectory directory;
  private EventSourcedBehaviorTestKit<RiskEntity.Command, RiskEntity.Event, RiskEntity.State> risk;

  @BeforeEach
  void setUp() {
    directory = new ProbeDirectory(kit);
    risk = EventSourcedBehaviorTestKit.create(kit.system(),
        RiskEntity.create("demo", directory, CATALOG, LIMITS, CLOCK));
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  @Test
  void anIntentWithinTheLimitsIsApprovedPersistedAndSentToTheConnection() {
    var intent = marketBuy("s1-1", "0.01", "60000");

    var result = risk.runCommand(new RiskEntity.EvaluateIntent(intent));

    assertEquals(new RiskEntity.OrderApproved(intent, NOW), EntityTestSupport.event(result));
    assertEquals(intent, directory.connections.expectMessageClass(ExchangeConnectionEntity.SubmitOrder.class).intent());
    assertEquals(1, result.state().exposure().openOrderCount());
  }

  @Test
  void theFillThatCompletesAnOrderReleasesItInTheSameEvent() {
    var intent = marketBuy("s1-1", "0.01", "60000");
    risk.runCommand(new RiskEntity.EvaluateIntent(intent));
    Fill fill = new Fill("f1", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("60000"), new BigDecimal("0.01"),
        BigDecimal.ZERO, false, NOW);

    var result = risk.runCommand(new RiskEntity.RecordFill(fill, true));

    // 2: the scale of BTCUSDT's tick (0.01) on the venue the order went to, paper
    assertEquals(List.of(new RiskEntity.FillRecorded(fill, true, 2)), EntityTestSupport.events(result));
    assertEquals(0, result.state().exposure().openOrderCount());
    assertEquals(0, new BigDecimal("0.01").compareTo(result.state().exposure().position("BTCUSDT").quantity()));
    risk.restart();
    assertEquals(0, risk.getState().exposure().openOrderCount());
  }

  @Test
  void anIntentAboveTheOrderNotionalLimitIsDeniedAndTheStrategyToldWhy() {
    var intent = marketBuy("s1-1", "1", "60000");

    var result = risk.runCommand(new RiskEntity.EvaluateIntent(intent));

    assertInstanceOf(RiskEntity.OrderDenied.class, EntityTestSupport.event(result));
    var denied = directory.strategies.expectMessageClass(StrategyEntity.IntentDenied.class);
    assertEquals(DenyReason.MAX_ORDER_NOTIONAL, denied.reason());
    directory.connections.expectNoMessage();
  }

  @Test
  void aResentIntentGetsTheSameDecisionWithoutASecondEvent() {
    var intent = marketBuy("s1-1", "0.01", "60000");
    risk.runCommand(new RiskEntity.EvaluateIntent(intent));
    directory.connections.expectMessageClass(ExchangeConnectionEntity.SubmitOrder.class);

    var again = risk.runCommand(new RiskEntity.EvaluateIntent(intent));

    assertTrue(again.hasNoEvents());
    directory.connections.expectMessageClass(ExchangeConnectionEntity.SubmitOrder.class);
    assertEquals(1, again.state().exposure().openOrderCount());
  }

  @Test
  void whileHaltedEveryIntentIsDenied() {
    risk.runCommand(new RiskEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));

    var result = risk.runCommand(new RiskEntity.EvaluateIntent(marketBuy("s1-1", "0.01", "60000")));

    assertEquals(DenyReason.TRADING_HALTED, ((RiskEntity.OrderDenied) EntityTestSupport.event(result)).reason());
  }

  @Test
  void haltedModeSurvivesARestart() {
    risk.runCommand(new RiskEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));

    risk.restart();

    assertEquals(TradingMode.HALTED, risk.getState().mode());
  }

  @Test
  void realizedLossBeyondTheDailyLimitPutsTheSystemInSafeMode() {
    Fill buy = new Fill("f1", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("60000"), new BigDecimal("0.1"),
        BigDecimal.ZERO, false, NOW);
    Fill sellAtLoss = new Fill("f2", "s1-2", "BTCUSDT", Side.SELL, new BigDecimal("49000"), new BigDecimal("0.1"),
        BigDecimal.ZERO, false, NOW);
    risk.runCommand(new RiskEntity.RecordFill(buy, true));

    var result = risk.runCommand(new RiskEntity.RecordFill(sellAtLoss, true));

    assertInstanceOf(RiskEntity.DailyLossLimitBreached.class, EntityTestSupport.events(result).get(1));
    directory.coordinator.expectMessageClass(SafetyCoordinator.Register.class);
    var alert = directory.coordinator.expectMessageClass(SafetyCoordinator.ReportAlert.class);
    assertEquals(Alert.DAILY_LOSS_LIMIT, alert.alert());
  }

  @Test
  void limitsCanBeReplacedAndReadBack() {
    RiskLimits tighter = new RiskLimits(new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("300"), 1,
        new BigDecimal("1"), 1, new BigDecimal("10"));

    var set = risk.<StatusReply<RiskLimits>>runCommand(replyTo -> new RiskEntity.SetLimits(tighter, replyTo));
    var read = risk.<RiskLimits>runCommand(RiskEntity.GetLimits::new);

    assertEquals(tighter, set.reply().getValue());
    assertEquals(tighter, read.reply());
  }

  @Test
  void aDenialIsWrittenOnceWithTheRulesReasonNeitherForTheSameIntentAgainNorWhenTheJournalIsReplayed() {
    var intent = marketBuy("s1-1", "1", "60000");
    try (LogLines log = LogLines.capture(TradeLog.ORDERS)) {
      risk.runCommand(new RiskEntity.EvaluateIntent(intent));
      directory.strategies.expectMessageClass(StrategyEntity.IntentDenied.class);

      List<String> lines = log.containing("s1-1");
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith("DENIED    s1                 paper:BTCUSDT  BUY             1 @ MKT        "
          + "s1-1  MAX_ORDER_NOTIONAL: "), lines.get(0));

      risk.runCommand(new RiskEntity.EvaluateIntent(intent));
      directory.strategies.expectMessageClass(StrategyEntity.IntentDenied.class);
      risk.restart();
      var afterReplay = risk.runCommand(new RiskEntity.EvaluateIntent(intent));

      assertTrue(afterReplay.hasNoEvents(), "the replayed journal answers the intent");
      assertEquals(DenyReason.MAX_ORDER_NOTIONAL,
          directory.strategies.expectMessageClass(StrategyEntity.IntentDenied.class).reason());
      assertEquals(1, log.lines().size(), log.lines().toString());
    }
  }

  @Test
  void anApprovalIsWrittenOnlyAtDebug() {
    try (LogLines info = LogLines.capture(TradeLog.ORDERS)) {
      risk.runCommand(new RiskEntity.EvaluateIntent(marketBuy("s1-1", "0.01", "60000")));
      directory.connections.expectMessageClass(ExchangeConnectionEntity.SubmitOrder.class);

      assertEquals(List.of(), info.lines());
    }
    try (LogLines debug = LogLines.capture(Level.DEBUG, TradeLog.ORDERS)) {
      risk.runCommand(new RiskEntity.EvaluateIntent(marketBuy("s1-2", "0.01", "60000")));
      directory.connections.expectMessageClass(ExchangeConnectionEntity.SubmitOrder.class);

      assertEquals(1, debug.containing("APPROVED  s1 ").size(), debug.lines().toString());
    }
  }
}
