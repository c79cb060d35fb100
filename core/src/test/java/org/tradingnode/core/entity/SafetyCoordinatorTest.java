package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.testing.LogLines;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyCoordinatorTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private ProbeDirectory directory;
  private EventSourcedBehaviorTestKit<SafetyCoordinator.Command, SafetyCoordinator.Event, SafetyCoordinator.State>
      coordinator;

  @BeforeEach
  void setUp() {
    directory = new ProbeDirectory(kit);
    coordinator = EventSourcedBehaviorTestKit.create(kit.system(), SafetyCoordinator.create(directory, CLOCK));
    awaitMode(TradingMode.RUNNING);
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  private void awaitMode(TradingMode mode) {
    Await.until("mode " + mode, () -> coordinator.getState().mode().mode(), seen -> seen == mode,
        Duration.ofSeconds(2));
  }

  private StatusReply<ModeView> change(TradingMode target) {
    return coordinator.<StatusReply<ModeView>>runCommand(
        replyTo -> new SafetyCoordinator.ChangeMode(target, "operator", replyTo)).reply();
  }

  @Test
  void emergencyStopIsPersistedAndPushedToEveryRegisteredEntity() {
    coordinator.runCommand(new SafetyCoordinator.Register(new Participant(Participant.Kind.STRATEGY, "s1")));
    coordinator.runCommand(new SafetyCoordinator.Register(new Participant(Participant.Kind.RISK, "demo")));
    coordinator.runCommand(new SafetyCoordinator.Register(new Participant(Participant.Kind.CONNECTION, "paper:demo")));
    directory.strategies.expectMessage(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "node started", NOW));

    var reply = change(TradingMode.HALTED);

    assertEquals(TradingMode.HALTED, reply.getValue().mode());
    directory.strategies.expectMessage(new StrategyEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));
    directory.risk.expectMessageClass(RiskEntity.ApplyMode.class);
    assertEquals(TradingMode.HALTED, directory.risk.expectMessageClass(RiskEntity.ApplyMode.class).mode());
    directory.connections.expectMessageClass(ExchangeConnectionEntity.ApplyMode.class);
    assertEquals(TradingMode.HALTED,
        directory.connections.expectMessageClass(ExchangeConnectionEntity.ApplyMode.class).mode());
  }

  @Test
  void aTransitionTheStateMachineForbidsIsRefused() {
    change(TradingMode.HALTED);

    var reply = change(TradingMode.SAFE_MODE);

    assertTrue(reply.isError());
    assertEquals(TradingMode.HALTED, coordinator.getState().mode().mode());
  }

  @Test
  void aSecondStopWithAnotherReasonKeepsBothAndShowsTheLatest() {
    change(TradingMode.HALTED);
    long firstSince = coordinator.getState().mode().since();

    var second = coordinator.<StatusReply<ModeView>>runCommand(
        replyTo -> new SafetyCoordinator.ChangeMode(TradingMode.HALTED, "exchange outage", replyTo));
    var same = coordinator.<StatusReply<ModeView>>runCommand(
        replyTo -> new SafetyCoordinator.ChangeMode(TradingMode.HALTED, "exchange outage", replyTo));

    assertEquals(List.of(new SafetyCoordinator.ModeReasonAdded(TradingMode.HALTED, "exchange outage", NOW)),
        EntityTestSupport.events(second));
    assertEquals(new ModeView(TradingMode.HALTED, "exchange outage", firstSince), second.reply().getValue());
    assertTrue(same.hasNoEvents(), "the same reason again adds nothing");
    coordinator.restart();
    assertEquals("exchange outage", coordinator.getState().mode().reason());
  }

  @Test
  void haltedStaysHaltedAcrossARestartUntilResumed() {
    change(TradingMode.HALTED);

    coordinator.restart();

    assertEquals(TradingMode.HALTED, coordinator.getState().mode().mode());
    assertEquals(TradingMode.RUNNING, change(TradingMode.RUNNING).getValue().mode());
  }

  @Test
  void aDailyLossAlertPutsTheSystemInSafeMode() {
    coordinator.runCommand(new SafetyCoordinator.ReportAlert(Alert.DAILY_LOSS_LIMIT, "risk:demo", "lost 6000"));

    assertEquals(TradingMode.SAFE_MODE, coordinator.getState().mode().mode());
  }

  @Test
  void aStrategyFailureIsRecordedWithoutChangingTheMode() {
    var result = coordinator.runCommand(new SafetyCoordinator.ReportAlert(Alert.STRATEGY_FAILED, "s1", "crashed"));

    assertEquals(1, EntityTestSupport.events(result).size());
    assertEquals(TradingMode.RUNNING, coordinator.getState().mode().mode());
  }

  @Test
  void aHaltIsToldToConnectionsFirstThenRiskThenStrategies() {
    var heard = kit.<Object>createTestProbe();
    EntityDirectory oneProbe = EntityTestSupport.directoryOf(heard.ref());
    var ordered = EventSourcedBehaviorTestKit.<SafetyCoordinator.Command, SafetyCoordinator.Event,
        SafetyCoordinator.State>create(kit.system(), SafetyCoordinator.create(oneProbe, CLOCK));
    org.tradingnode.core.testing.Await.until("trading started", () -> ordered.getState().mode().mode(),
        m -> m == TradingMode.RUNNING);
    for (Participant p : java.util.List.of(new Participant(Participant.Kind.STRATEGY, "s1"),
        new Participant(Participant.Kind.RISK, "demo"), new Participant(Participant.Kind.CONNECTION, "paper:demo"),
        new Participant(Participant.Kind.STRATEGY, "s2"))) {
      ordered.runCommand(new SafetyCoordinator.Register(p));
    }
    heard.receiveSeveralMessages(4);

    ordered.<StatusReply<ModeView>>runCommand(
        replyTo -> new SafetyCoordinator.ChangeMode(TradingMode.HALTED, "operator", replyTo));

    var told = heard.receiveSeveralMessages(4);
    assertInstanceOf(ExchangeConnectionEntity.ApplyMode.class, told.get(0));
    assertInstanceOf(RiskEntity.ApplyMode.class, told.get(1));
    assertInstanceOf(StrategyEntity.ApplyMode.class, told.get(2));
    assertInstanceOf(StrategyEntity.ApplyMode.class, told.get(3));
  }

  @Test
  void aHaltIsWrittenOnceAtWarnAnotherReasonForItOnceAndAResumeAtInfoAndAReplayWritesNone() {
    try (LogLines log = LogLines.capture(TradeLog.MODE, TradeLog.ALERTS)) {
      change(TradingMode.HALTED);
      change(TradingMode.HALTED);
      coordinator.<StatusReply<ModeView>>runCommand(
          replyTo -> new SafetyCoordinator.ChangeMode(TradingMode.HALTED, "lunch", replyTo));
      change(TradingMode.RUNNING);

      assertEquals(List.of(new LogLines.Line(TradeLog.MODE, Level.WARN, "HALTED (was RUNNING): operator"),
          new LogLines.Line(TradeLog.MODE, Level.WARN, "HALTED (again): lunch"),
          new LogLines.Line(TradeLog.MODE, Level.INFO, "RUNNING (was HALTED): operator")), log.lines());

      var replayed = coordinator.restart().state();

      assertEquals(new ModeView(TradingMode.RUNNING, "operator", NOW), replayed.mode());
      assertEquals(3, log.lines().size(), log.lines().toString());
    }
  }

  @Test
  void anAlertThatForcesSafeModeWritesTheAlertAndTheModeChange() {
    try (LogLines log = LogLines.capture(TradeLog.MODE, TradeLog.ALERTS)) {
      coordinator.runCommand(new SafetyCoordinator.ReportAlert(Alert.DAILY_LOSS_LIMIT, "risk:demo", "lost 6000"));

      assertEquals(List.of(new LogLines.Line(TradeLog.ALERTS, Level.WARN, "DAILY_LOSS_LIMIT from risk:demo: lost 6000"),
          new LogLines.Line(TradeLog.MODE, Level.WARN, "SAFE_MODE (was RUNNING): DAILY_LOSS_LIMIT: lost 6000")),
          log.lines());
    }
  }
}
