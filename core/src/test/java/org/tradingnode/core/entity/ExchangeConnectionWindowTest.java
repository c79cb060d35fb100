package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.marketBuy;

import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.FishingOutcome;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.order.VenueReport;

/**
 * A connection that keeps only the last two closed orders in memory still never sends a client order id
 * twice, and answers about older orders from its journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeConnectionWindowTest {
  private final ActorTestKit kit = ActorTestKit.create(
      ConfigFactory.parseString(ExchangeConnectionEntity.WINDOW_SETTING + " = 2")
          .withFallback(EntityTestSupport.config()));
  private ProbeDirectory directory;
  private EventSourcedBehaviorTestKit<ExchangeConnectionEntity.Command, ExchangeConnectionEntity.Event,
      ExchangeConnectionEntity.State> connection;

  @BeforeEach
  void setUp() {
    directory = new ProbeDirectory(kit);
    connection = EntityTestSupport.startPaperConnection(kit, directory);
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  /** Submits market buys of 0.01 with these sequence numbers, each filled before the next goes out. */
  private void buyAndFill(int... sequences) {
    for (int n : sequences) {
      connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-" + n, "0.01", "60000")));
      awaitReport("s1-" + n, VenueReport.Accepted.class);
    }
  }

  private VenueReport awaitReport(String clientOrderId, Class<? extends VenueReport> kind) {
    var messages = directory.strategies.fishForMessage(Duration.ofSeconds(5), m -> outcome(m, clientOrderId, kind));
    return ((StrategyEntity.OrderUpdated) messages.get(messages.size() - 1)).report();
  }

  private static FishingOutcome outcome(StrategyEntity.Command m, String clientOrderId,
      Class<? extends VenueReport> kind) {
    return m instanceof StrategyEntity.OrderUpdated u && kind.isInstance(u.report())
        && u.report().clientOrderId().equals(clientOrderId) ? FishingOutcomes.complete()
        : FishingOutcomes.continueAndIgnore();
  }

  private BigDecimal btc() {
    return connection.<ExchangeConnectionEntity.BalancesView>runCommand(ExchangeConnectionEntity.GetBalances::new)
        .reply().balances().get("BTC");
  }

  @Test
  void closedOrdersBeyondTheWindowLeaveMemory() {
    buyAndFill(1, 2, 3, 4);

    var held = connection.<ExchangeConnectionEntity.OrdersView>runCommand(ExchangeConnectionEntity.GetOrders::new)
        .reply().orders();
    assertEquals(List.of("s1-3", "s1-4"), held.stream().map(o -> o.clientOrderId()).toList());
  }

  @Test
  void aFilledIntentOlderThanTheWindowIsAnsweredFromTheJournalAndNeverSentAgain() {
    buyAndFill(1, 2, 3, 4);
    assertEquals(0, new BigDecimal("0.04").compareTo(btc()));

    var again = connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));

    assertTrue(again.hasNoEvents());
    var replayed = (VenueReport.Filled) awaitReport("s1-1", VenueReport.Filled.class);
    assertEquals("s1-1", replayed.fill().clientOrderId());
    buyAndFill(5);
    assertEquals(0, new BigDecimal("0.05").compareTo(btc()));
  }

  @Test
  void anIntentOlderThanTheWindowThatWasNeverSentIsSentOnceTheJournalSaysItNeverHadIt() {
    buyAndFill(2, 3, 4, 5);

    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));

    awaitReport("s1-1", VenueReport.Accepted.class);
    assertEquals(0, new BigDecimal("0.05").compareTo(btc()));
  }

  @Test
  void aReplayOfAnOrderOlderThanTheWindowIsAnsweredFromTheJournal() {
    buyAndFill(1, 2, 3, 4);

    connection.runCommand(new ExchangeConnectionEntity.ReplayOrders("s1", List.of("s1-1", "s1-0")));

    assertEquals("s1-1", awaitReport("s1-1", VenueReport.Filled.class).clientOrderId());
  }

  @Test
  void afterARestartTheWindowAndTheFloorAreRecoveredAndTheOldIntentIsStillNotSentAgain() {
    buyAndFill(1, 2, 3, 4);

    connection.restart();
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));

    awaitReport("s1-1", VenueReport.Filled.class);
    assertEquals(0, new BigDecimal("0.04").compareTo(btc()));
  }
}
