package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tradingnode.core.entity.EntityTestSupport.CATALOG;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.testing.Await;

/**
 * The kill switch stops trading without the coordinator: every entity applies a halt from its node's
 * replica of the switch at once (a connection cancels every open order of its account), ignores a mode decided before the halt, and the coordinator persists
 * the halt when it hears of it and resets the switch when it resumes.
 */
class KillSwitchTest {
  private static final StrategyConfig CONFIG = new StrategyConfig("s1", "momentum", "demo", "paper",
      List.of("BTCUSDT"), Map.of("fastPeriod", "2", "slowPeriod", "3"));
  private ActorTestKit kit;
  private ProbeDirectory directory;

  @BeforeEach
  void setUp() {
    kit = ActorTestKit.create(EntityTestSupport.config());
    directory = new ProbeDirectory(kit);
  }

  @AfterEach
  void tearDown() {
    kit.shutdownTestKit();
  }

  private EventSourcedBehaviorTestKit<StrategyEntity.Command, StrategyEntity.Event, StrategyEntity.State> strategy() {
    return EventSourcedBehaviorTestKit.create(kit.system(), StrategyEntity.create("s1", directory, CATALOG,
        StrategyTypes.builtIn(), EntityTestSupport.runners(directory), CLOCK));
  }

  private EventSourcedBehaviorTestKit<StrategyEntity.Command, StrategyEntity.Event, StrategyEntity.State>
      runningStrategy() {
    var strategy = strategy();
    strategy.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo));
    strategy.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "node started", NOW));
    directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class);
    return strategy;
  }

  private static StrategyDetails details(
      EventSourcedBehaviorTestKit<StrategyEntity.Command, StrategyEntity.Event, StrategyEntity.State> strategy) {
    return ((StrategyEntity.Done) strategy.<StrategyEntity.Reply>runCommand(StrategyEntity.GetStrategy::new)
        .reply()).details();
  }

  @Test
  void aTrippedSwitchHaltsARunningStrategyWithoutTheCoordinator() {
    var strategy = runningStrategy();

    KillSwitch.trip(kit.system(), "operator", NOW + 1_000).toCompletableFuture().join();

    StrategyDetails halted = Await.until("the strategy halted", () -> details(strategy),
        d -> d.status() == StrategyStatus.HALTED);
    assertFalse(halted.placement().runnerActive());
    assertEquals("HALTED: emergency stop: operator", halted.statusReason());
  }

  @Test
  void aTrippedSwitchMakesAConnectionCancelEveryOpenOrderWithoutTheCoordinatorOrTheStrategies() {
    var connection = EntityTestSupport.startPaperConnection(kit, directory);
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(EntityTestSupport.limitBuy("s1-1", "0.01",
        "59000.00")));
    Await.until("the order resting at the venue", () -> status(connection, "s1-1"),
        status -> status == OrderStatus.ACCEPTED);

    KillSwitch.trip(kit.system(), "operator", NOW + 1_000).toCompletableFuture().join();

    Await.until("the order cancelled", () -> status(connection, "s1-1"), status -> status == OrderStatus.CANCELED);
  }

  private static OrderStatus status(EventSourcedBehaviorTestKit<ExchangeConnectionEntity.Command,
      ExchangeConnectionEntity.Event, ExchangeConnectionEntity.State> connection, String clientOrderId) {
    return connection.<ExchangeConnectionEntity.OrdersView>runCommand(ExchangeConnectionEntity.GetOrders::new)
        .reply().orders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst()
        .map(Order::status).orElse(null);
  }

  @Test
  void aModeDecidedBeforeTheHaltIsIgnoredAndOneDecidedAfterItResumes() {
    var strategy = runningStrategy();
    KillSwitch.trip(kit.system(), "operator", NOW + 1_000).toCompletableFuture().join();
    Await.until("the strategy halted", () -> details(strategy), d -> d.status() == StrategyStatus.HALTED);

    strategy.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "stale", NOW + 999));
    assertEquals(StrategyStatus.HALTED, details(strategy).status());
    strategy.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "resumed", NOW + 2_000));

    assertEquals(StrategyStatus.RUNNING, details(strategy).status());
  }

  @Test
  void aStrategyStartedAfterAHaltStartsNoRunnerEvenWhenAnOlderModeSaysRun() {
    KillSwitch.trip(kit.system(), "operator", NOW + 1_000).toCompletableFuture().join();
    var strategy = strategy();
    strategy.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo));
    Await.until("the switch heard", () -> details(strategy), d -> d.status() == StrategyStatus.RUNNING);

    strategy.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "node started", NOW));
    strategy.runCommand(new StrategyEntity.ApplyMode(TradingMode.HALTED, "coordinator heard it", NOW + 1_000));

    StrategyDetails after = details(strategy);
    assertFalse(after.placement().runnerActive());
    assertEquals(StrategyStatus.HALTED, after.status());
    directory.symbols.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void theCoordinatorPersistsAHaltItHeardFromTheSwitchAndResetsTheSwitchWhenItResumes() {
    var coordinator = EventSourcedBehaviorTestKit.<SafetyCoordinator.Command, SafetyCoordinator.Event,
        SafetyCoordinator.State>create(kit.system(), SafetyCoordinator.create(directory, CLOCK));
    Await.until("trading started", () -> coordinator.getState().mode().mode(), m -> m == TradingMode.RUNNING);

    KillSwitch.trip(kit.system(), "operator", NOW + 1_000).toCompletableFuture().join();
    ModeView halted = Await.until("the coordinator halted", () -> coordinator.getState().mode(),
        m -> m.mode() == TradingMode.HALTED);
    assertEquals("emergency stop: operator", halted.reason());

    coordinator.<org.apache.pekko.pattern.StatusReply<ModeView>>runCommand(
        replyTo -> new SafetyCoordinator.ChangeMode(TradingMode.RUNNING, "resumed", replyTo));
    var strategy = strategy();
    strategy.<StrategyEntity.Reply>runCommand(replyTo -> new StrategyEntity.CreateStrategy(CONFIG, replyTo));
    strategy.runCommand(new StrategyEntity.ApplyMode(TradingMode.RUNNING, "resumed", NOW));

    directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class);
    assertEquals(StrategyStatus.RUNNING, details(strategy).status());
  }
}
