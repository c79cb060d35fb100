package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;
import static org.tradingnode.core.entity.EntityTestSupport.limitBuy;
import static org.tradingnode.core.entity.EntityTestSupport.marketBuy;

import ch.qos.logback.classic.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.testing.LogLines;
import org.tradingnode.core.venue.PaperVenue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeConnectionEntityTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
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

  private ExchangeConnectionEntity.OrdersView orders() {
    return connection.<ExchangeConnectionEntity.OrdersView>runCommand(ExchangeConnectionEntity.GetOrders::new)
        .reply();
  }

  private void awaitStatus(String clientOrderId, OrderStatus status) {
    Await.until(clientOrderId + " " + status, this::orders, view -> view.orders().stream()
        .anyMatch(o -> o.clientOrderId().equals(clientOrderId) && o.status() == status));
  }

  @Test
  void aReplayOfAnOrderTheConnectionNeverHadAnswersThatItIsUnknown() {
    connection.runCommand(new ExchangeConnectionEntity.ReplayOrders("s1", List.of("s1-404")));

    assertEquals(new StrategyEntity.OrderUnknownToConnection("s1-404"),
        directory.strategies.expectMessageClass(StrategyEntity.OrderUnknownToConnection.class));
  }

  @Test
  void aSubmittedOrderIsPersistedBeforeItIsSentAndItsFillsReachStrategyAndRisk() {
    var intent = marketBuy("s1-1", "0.01", "60000");

    var result = connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(intent));

    assertEquals(new ExchangeConnectionEntity.OrderSubmitted(intent, NOW), EntityTestSupport.event(result));
    var accepted = assertInstanceOf(VenueReport.Accepted.class,
        directory.strategies.expectMessageClass(StrategyEntity.OrderUpdated.class).report());
    Fill fill = accepted.fills().get(0);
    assertEquals(0, new BigDecimal("60000.00").compareTo(fill.price()));
    assertEquals(new RiskEntity.RecordFill(fill, true), directory.risk.expectMessageClass(RiskEntity.RecordFill.class));
    awaitStatus("s1-1", OrderStatus.FILLED);
    directory.risk.expectNoMessage(Duration.ofMillis(50));
  }

  @Test
  void anAcceptanceAndTheFillsOfTheSameAnswerAreOneEventThatMovesTheBalances() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));
    awaitStatus("s1-1", OrderStatus.FILLED);

    List<Object> stored = EntityTestSupport.stored(kit, "paper:demo");
    var last = assertInstanceOf(ExchangeConnectionEntity.OrderAccepted.class, stored.get(stored.size() - 1));
    assertInstanceOf(ExchangeConnectionEntity.OrderSubmitted.class, stored.get(stored.size() - 2));
    assertEquals(List.of("s1-1"), last.fills().stream().map(Fill::clientOrderId).toList());
    assertEquals(List.of("BTC", "USDT"), List.of(last.baseAsset(), last.quoteAsset()));
    var balances = connection.<ExchangeConnectionEntity.BalancesView>runCommand(
        ExchangeConnectionEntity.GetBalances::new).reply().balances();
    assertEquals(0, new BigDecimal("0.01").compareTo(balances.get("BTC")));
  }

  @Test
  void aRepeatedClientOrderIdIsAnsweredFromTheJournalAndNeverSentTwice() {
    var intent = marketBuy("s1-1", "0.01", "60000");
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(intent));
    awaitStatus("s1-1", OrderStatus.FILLED);

    var again = connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(intent));

    assertEquals(List.of(), EntityTestSupport.events(again));
    assertEquals(1, orders().orders().size());
    var balances = connection.<ExchangeConnectionEntity.BalancesView>runCommand(
        ExchangeConnectionEntity.GetBalances::new).reply().balances();
    assertEquals(0, new BigDecimal("0.01").compareTo(balances.get("BTC")));
  }

  @Test
  void haltCancelsEveryOpenOrderAtTheVenueAndReportsWhatIsStillInFlightUntilNothingIs() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-1", "0.01", "59000.00")));
    awaitStatus("s1-1", OrderStatus.ACCEPTED);
    TestProbe<NodeNotice> notices = kit.createTestProbe();
    kit.system().eventStream().tell(new EventStream.Subscribe<>(NodeNotice.class, notices.ref()));

    var result = connection.runCommand(new ExchangeConnectionEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));

    assertInstanceOf(ExchangeConnectionEntity.CancelRequested.class, EntityTestSupport.events(result).get(1));
    awaitStatus("s1-1", OrderStatus.CANCELED);
    List<NodeNotice.OrdersInFlight> reported = new ArrayList<>();
    notices.fishForMessage(Duration.ofSeconds(5), notice -> {
      if (notice instanceof NodeNotice.OrdersInFlight inFlight) {
        reported.add(inFlight);
        return inFlight.count() == 0 ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore();
      }
      return FishingOutcomes.continueAndIgnore();
    });
    assertEquals(new NodeNotice.OrdersInFlight("paper:demo", NOW, 1, 1, List.of("s1-1")), reported.get(0));
    assertEquals(new NodeNotice.OrdersInFlight("paper:demo", NOW, 1, 0, List.of()),
        reported.get(reported.size() - 1));
  }

  @Test
  void whileHaltedAnApprovedOrderIsRefusedLocally() {
    connection.runCommand(new ExchangeConnectionEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));

    var result = connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));

    assertInstanceOf(ExchangeConnectionEntity.OrderRejected.class, EntityTestSupport.events(result).get(1));
    assertEquals(OrderStatus.REJECTED, orders().orders().get(0).status());
  }

  @Test
  void whileHaltedAnOperatorsFlattenOrderApprovedByRiskIsStillPlaced() {
    connection.runCommand(new ExchangeConnectionEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));
    OrderIntent buy = marketBuy("s1-1", "0.01", "60000");
    OrderIntent flatten = new OrderIntent(buy.clientOrderId(), buy.strategyId(), buy.account(), buy.exchange(),
        buy.symbol(), buy.side(), buy.type(), buy.quantity(), null, buy.referencePrice(), true,
        OrderIntent.FLATTEN_TAG, NOW);

    var result = connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(flatten));

    List<Object> events = EntityTestSupport.events(result);
    assertInstanceOf(ExchangeConnectionEntity.OrderSubmitted.class, events.get(0));
    assertTrue(events.stream().noneMatch(ExchangeConnectionEntity.OrderRejected.class::isInstance), events.toString());
  }

  @Test
  void afterARestartTheVenueHoldsTheSameOpenOrdersAndBalances() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-1", "0.01", "59000.00")));
    awaitStatus("s1-1", OrderStatus.ACCEPTED);

    connection.restart();

    // The new venue child rests the same order: a market that falls through its limit fills it there.
    var resubscribed = directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class, Duration.ofSeconds(5));
    resubscribed.subscriber().tell(new SymbolEntity.MarketDataBatch("paper:BTCUSDT",
        List.of(new Quote("BTCUSDT", NOW + 1, 58989.99, 1.0, 58990.00, 1.0))));
    awaitStatus("s1-1", OrderStatus.FILLED);
    var balances = connection.<ExchangeConnectionEntity.BalancesView>runCommand(
        ExchangeConnectionEntity.GetBalances::new).reply().balances();
    assertEquals(0, new BigDecimal("0.01").compareTo(balances.get("BTC")));
    assertEquals(-1, balances.get("USDT").compareTo(new BigDecimal("100000")));
  }

  @Test
  void aConnectionRecoversWithItsBalancesAfterATradedInstrumentWasRemovedFromTheConfig() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));
    awaitStatus("s1-1", OrderStatus.FILLED);

    var recovered = kit.spawn(ExchangeConnectionEntity.create("paper:demo", directory,
        new InstrumentCatalog(List.of()), Map.of("USDT", new BigDecimal("100000")),
        PaperVenue.gateway(directory, EntityTestSupport.FEES), EntityTestSupport.archive(kit), CLOCK));
    var balances = kit.<ExchangeConnectionEntity.BalancesView>createTestProbe();
    recovered.tell(new ExchangeConnectionEntity.GetBalances(balances.ref()));

    assertEquals(0, new BigDecimal("0.01").compareTo(
        balances.expectMessageClass(ExchangeConnectionEntity.BalancesView.class).balances().get("BTC")));
    kit.stop(recovered);
  }

  @Test
  void anOrderTheVenueFillsIsWrittenOnceAsAcceptedAndOnceAsFilledAndNotAgainWhenTheJournalIsReplayed() {
    try (LogLines log = LogLines.capture(TradeLog.ORDERS, TradeLog.FILLS)) {
      connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "0.01", "60000")));
      Await.until("the order's lines", log::lines, lines -> lines.size() == 2);
      awaitStatus("s1-1", OrderStatus.FILLED);

      assertEquals(List.of(
          new LogLines.Line(TradeLog.ORDERS, Level.INFO,
              "ACCEPTED  s1                 paper:BTCUSDT  BUY          0.01 @ MKT        s1-1"),
          new LogLines.Line(TradeLog.FILLS, Level.INFO,
              "FILLED    s1                 paper:BTCUSDT  BUY          0.01 @ 60000.00   s1-1  fee 0.60 taker")),
          log.lines());

      connection.restart();
      var replayed = Await.until("the connection replayed and reconciled", this::orders,
          ExchangeConnectionEntity.OrdersView::reconciled);
      assertEquals(OrderStatus.FILLED, replayed.orders().get(0).status());
      assertEquals(2, log.lines().size(), log.lines().toString());
    }
  }

  @Test
  void aRejectionByTheVenueIsWrittenOnceWithItsReason() {
    try (LogLines log = LogLines.capture(TradeLog.ORDERS, TradeLog.FILLS)) {
      connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "2", "60000")));
      awaitStatus("s1-1", OrderStatus.REJECTED);

      List<String> rejected = Await.until("the rejection's line", () -> log.containing("s1-1"), l -> !l.isEmpty());
      assertEquals(List.of("REJECTED  s1                 paper:BTCUSDT  BUY             2 @ MKT        s1-1  "
          + "INSUFFICIENT_BALANCE: free USDT 100000 is not enough"), rejected);

      connection.restart();
      Await.until("the connection replayed and reconciled", this::orders, ExchangeConnectionEntity.OrdersView::reconciled);
      assertEquals(1, log.lines().size(), log.lines().toString());
    }
  }

  @Test
  void aHaltWritesOneCanceledLinePerOrderItCancels() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-1", "0.01", "59000.00")));
    awaitStatus("s1-1", OrderStatus.ACCEPTED);
    try (LogLines log = LogLines.capture(TradeLog.ORDERS, TradeLog.FILLS)) {
      connection.runCommand(new ExchangeConnectionEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));
      awaitStatus("s1-1", OrderStatus.CANCELED);

      List<String> canceled = Await.until("the cancel's line", () -> log.containing("s1-1"), l -> !l.isEmpty());
      assertEquals(1, canceled.size(), canceled.toString());
      assertTrue(canceled.get(0).startsWith("CANCELED  s1 "), canceled.get(0));
      assertTrue(canceled.get(0).contains(" @ 59000.00 "), canceled.get(0));
    }
  }

  @Test
  void theRestOfAMarketOrderBeyondTheTouchIsWrittenAsExpiredWithTheVenuesReason() {
    try (LogLines log = LogLines.capture(TradeLog.ORDERS, TradeLog.FILLS)) {
      connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(marketBuy("s1-1", "1.5", "60000")));
      awaitStatus("s1-1", OrderStatus.EXPIRED);

      List<LogLines.Line> lines = Await.until("the order's lines", log::lines, l -> l.size() == 3);
      assertTrue(lines.get(0).message().startsWith("ACCEPTED  s1 "), lines.toString());
      assertTrue(lines.get(1).message().startsWith("PARTIAL   s1                 paper:BTCUSDT  BUY       1.00000 @ "),
          lines.toString());
      assertTrue(lines.get(2).message().startsWith("EXPIRED   s1                 paper:BTCUSDT  BUY           1.5 @ MKT"
          + "        s1-1  IOC_REMAINDER: filled 1 of 1.5"), lines.toString());
    }
  }
}
