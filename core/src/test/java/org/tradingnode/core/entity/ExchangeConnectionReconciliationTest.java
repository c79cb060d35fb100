package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tradingnode.core.entity.EntityTestSupport.CATALOG;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;
import static org.tradingnode.core.entity.EntityTestSupport.limitBuy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.gateway.VenueGateway;

/**
 * A connection restarted while its orders were at the venue: what the venue child's reconciliation
 * found (an order filled while we were down) is recorded and passed on, an order the venue never
 * got is closed, and so is an acknowledged order the venue no longer knows, before anything new goes
 * out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeConnectionReconciliationTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private final ConcurrentLinkedQueue<VenueEvent.Connected> sessions = new ConcurrentLinkedQueue<>();
  private ProbeDirectory directory;
  private TestProbe<VenueCommand> venue;
  private EventSourcedBehaviorTestKit<ExchangeConnectionEntity.Command, ExchangeConnectionEntity.Event,
      ExchangeConnectionEntity.State> connection;

  /** A venue child that reports what the test scripted for its session and passes on what it is told. */
  private VenueGateway scriptedGateway() {
    return session -> Behaviors.setup(ctx -> {
      session.connection().tell(sessions.remove());
      return Behaviors.receiveMessage(command -> {
        venue.ref().tell(command);
        return Behaviors.same();
      });
    });
  }

  @BeforeEach
  void setUp() {
    directory = new ProbeDirectory(kit);
    venue = kit.createTestProbe();
    sessions.clear();
    sessions.add(new VenueEvent.Connected(List.of(), List.of()));
    connection = EventSourcedBehaviorTestKit.create(kit.system(), ExchangeConnectionEntity.create("paper:demo",
        directory, CATALOG, Map.of("USDT", new BigDecimal("100000")), scriptedGateway(),
        EntityTestSupport.archive(kit), CLOCK), EntityTestSupport.CONNECTION_SERIALIZATION);
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  /** The connection's orders by client order id, as it answers them. */
  private Map<String, Order> orders() {
    Map<String, Order> byId = new HashMap<>();
    connection.<ExchangeConnectionEntity.OrdersView>runCommand(ExchangeConnectionEntity.GetOrders::new).reply()
        .orders().forEach(o -> byId.put(o.clientOrderId(), o));
    return byId;
  }

  @Test
  void anOrderFilledWhileWeWereDownIsRecordedAndOneTheVenueNeverGotIsClosed() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-1", "0.01", "59000.00")));
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-2", "0.01", "58000.00")));
    venue.expectMessageClass(VenueCommand.Place.class);
    venue.expectMessageClass(VenueCommand.Place.class);
    Fill fill = new Fill("BTCUSDT-7", "s1-1", "BTCUSDT", Side.BUY, new BigDecimal("59000.00"),
        new BigDecimal("0.01"), new BigDecimal("0.59"), true, NOW);
    sessions.add(new VenueEvent.Connected(List.of(), List.of(
        new VenueReport.Accepted("s1-1", "42", NOW), new VenueReport.Filled(fill))));

    connection.restart();

    var orders = Await.until("s1-1 filled after the restart", this::orders,
        o -> o.containsKey("s1-1") && o.get("s1-1").status() == OrderStatus.FILLED);
    assertEquals("42", orders.get("s1-1").venueOrderId());
    assertEquals(OrderStatus.REJECTED, orders.get("s1-2").status());
    assertEquals(new RiskEntity.RecordFill(fill, true), directory.risk.expectMessageClass(RiskEntity.RecordFill.class));
    var closed = directory.strategies.fishForMessage(Duration.ofSeconds(3), m ->
        m instanceof StrategyEntity.OrderUpdated u && u.report() instanceof VenueReport.Rejected
            ? FishingOutcomes.complete()
            : FishingOutcomes.continueAndIgnore());
    assertEquals(VenueRejectReason.NOT_AT_VENUE,
        ((VenueReport.Rejected) ((StrategyEntity.OrderUpdated) closed.get(closed.size() - 1)).report()).reason());
  }

  @Test
  void aConnectionThatComesBackWhileHaltedCancelsWhatTheVenueStillHolds() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-1", "0.01", "59000.00")));
    venue.expectMessageClass(VenueCommand.Place.class);
    connection.runCommand(new ExchangeConnectionEntity.VenueReported(new VenueReport.Accepted("s1-1", "42", NOW)));
    connection.runCommand(new ExchangeConnectionEntity.ApplyMode(TradingMode.HALTED, "operator", NOW));
    assertEquals(new VenueCommand.Cancel("s1-1"), venue.expectMessageClass(VenueCommand.Cancel.class));
    // The cancel was lost with the connection: the venue still holds the order when it comes back.
    sessions.add(new VenueEvent.Connected(List.of("s1-1"), List.of()));

    connection.restart();

    assertEquals(new VenueCommand.Cancel("s1-1"), venue.expectMessageClass(VenueCommand.Cancel.class));
  }

  @Test
  void anAcceptedOrderTheVenueNoLongerKnowsIsClosedAsExpiredAndTheConnectionGoesOn() {
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-1", "0.01", "59000.00")));
    venue.expectMessageClass(VenueCommand.Place.class);
    connection.runCommand(new ExchangeConnectionEntity.VenueReported(new VenueReport.Accepted("s1-1", "42", NOW)));
    // The venue neither holds the order nor knows it any more (its history was purged or reset).
    sessions.add(new VenueEvent.Connected(List.of(), List.of()));

    connection.restart();

    Await.until("s1-1 closed after the restart", this::orders,
        o -> o.containsKey("s1-1") && o.get("s1-1").status() == OrderStatus.EXPIRED);
    assertEquals(new RiskEntity.ReleaseOrder("s1-1"), directory.risk.expectMessageClass(RiskEntity.ReleaseOrder.class));
    var closed = directory.strategies.fishForMessage(Duration.ofSeconds(3), m ->
        m instanceof StrategyEntity.OrderUpdated u && u.report() instanceof VenueReport.Expired
            ? FishingOutcomes.complete()
            : FishingOutcomes.continueAndIgnore());
    assertEquals("s1-1", ((StrategyEntity.OrderUpdated) closed.get(closed.size() - 1)).report().clientOrderId());
    connection.runCommand(new ExchangeConnectionEntity.SubmitOrder(limitBuy("s1-2", "0.01", "58000.00")));
    assertEquals("s1-2", venue.expectMessageClass(VenueCommand.Place.class).intent().clientOrderId());
  }
}
