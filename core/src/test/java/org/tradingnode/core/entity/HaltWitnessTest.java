package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.testing.Await;

/**
 * A node's witness counts a strategy whose runner ran into the halt as still halting until the strategy
 * has recorded the halt, and a connection of its node as silent until it has reported on the halt, so a
 * stop's account is not complete while those records and reports are still to come.
 */
class HaltWitnessTest {
  private ActorTestKit kit;
  private ActorRef<HaltWitness.Command> witness;

  @BeforeEach
  void setUp() {
    kit = ActorTestKit.create(EntityTestSupport.config());
    witness = kit.spawn(HaltWitness.create());
  }

  @AfterEach
  void tearDown() {
    kit.shutdownTestKit();
  }

  private HaltWitness.NodeAccount account() {
    TestProbe<HaltWitness.NodeAccount> probe = kit.createTestProbe();
    witness.tell(new HaltWitness.Report(probe.ref()));
    return probe.receiveMessage(Duration.ofSeconds(3));
  }

  /**
   * Runners started, told until the witness counts them: it subscribes to the node's notices when it
   * starts, so notices published before that reach nobody.
   */
  private void runnersStarted(String... strategies) {
    Await.until("the witness to count the runners", () -> {
      for (String strategy : strategies) {
        NodeNotice.publish(kit.system(), new NodeNotice.RunnerStarted(strategy));
      }
      return account();
    }, a -> a.runnersActive() == strategies.length);
  }

  @Test
  void aStrategyWhoseRunnerStoppedForTheHaltIsHaltingUntilItRecordsIt() {
    runnersStarted("a", "b");
    long haltAt = System.currentTimeMillis() - 10;

    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStopped("a"));
    NodeNotice.publish(kit.system(), new NodeNotice.StrategyHalted("a", haltAt));
    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStopped("b"));
    HaltWitness.NodeAccount midway = Await.until("a recorded the halt", this::account,
        a -> a.strategiesHalted() == 1 && a.runnersActive() == 0);
    assertTrue(midway.halted(), midway.toString());
    assertEquals(1, midway.strategiesHalting(), "b stopped for the halt and has not recorded it: " + midway);

    NodeNotice.publish(kit.system(), new NodeNotice.StrategyHalted("b", haltAt));
    HaltWitness.NodeAccount done = Await.until("b recorded the halt", this::account, a -> a.strategiesHalted() == 2);
    assertEquals(0, done.strategiesHalting(), done.toString());
  }

  @Test
  void aConnectionIsSilentUntilItHasReportedOnTheHalt() {
    runnersStarted("a");
    NodeNotice.publish(kit.system(), new NodeNotice.ConnectionUp("paper:demo"));
    long haltAt = System.currentTimeMillis() - 10;
    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStopped("a"));
    NodeNotice.publish(kit.system(), new NodeNotice.StrategyHalted("a", haltAt));
    HaltWitness.NodeAccount before = Await.until("a recorded the halt", this::account,
        a -> a.strategiesHalted() == 1);
    assertEquals(1, before.connectionsSilent(), "the connection's open orders are not known yet: " + before);

    NodeNotice.publish(kit.system(), new NodeNotice.OrdersInFlight("paper:demo", haltAt, 1, 0, List.of()));
    HaltWitness.NodeAccount after = Await.until("the connection's report", this::account,
        a -> a.connectionsSilent() == 0);
    assertEquals(1, after.cancelsSent(), after.toString());
  }

  @Test
  void aRunnerThatStoppedBeforeTheHaltWasDecidedIsNotExpectedToRecordIt() {
    runnersStarted("a", "b");
    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStopped("b"));
    Await.until("b stopped", this::account, a -> a.runnersActive() == 1);
    long haltAt = System.currentTimeMillis() + 1_000;

    NodeNotice.publish(kit.system(), new NodeNotice.StrategyHalted("a", haltAt));
    NodeNotice.publish(kit.system(), new NodeNotice.RunnerStopped("a"));
    HaltWitness.NodeAccount account = Await.until("a recorded the halt and stopped", this::account,
        a -> a.strategiesHalted() == 1 && a.runnersActive() == 0);
    assertEquals(0, account.strategiesHalting(), "b stopped before the halt: " + account);
  }
}
