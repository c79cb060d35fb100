package org.tradingnode.persistence.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_1;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_2;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_3;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyStatus;

/**
 * The projector on rows without transactions: each row's sequence number alone must make redelivery
 * harmless, whatever write a previous delivery died at.
 */
class StrategyEventProjectorTest {
  private static final List<StrategyEntity.Event> EVENTS = TradingStory.alphaOpening();
  private static final Position EXPECTED = TradingStory.positionAfter("BTCUSDT", ALPHA_FILL_1, ALPHA_FILL_2,
      ALPHA_FILL_3);
  private final StrategyEventProjector projector = new StrategyEventProjector(TradingStory.CATALOG);

  @Test
  void redeliveryAfterADeliveryThatDiedAtAnyWriteCountsEveryFillOnce() {
    int crashPoints = 0;
    boolean died = true;
    while (died) {
      MemoryRows rows = new MemoryRows();
      died = diesApplying(new CrashingRows(rows, crashPoints));

      applyFrom(rows, 1);

      assertEquals(EXPECTED, rows.positions.get("alpha/BTCUSDT").position(), "died after write " + crashPoints);
      assertEquals(OrderStatus.FILLED, rows.orders.get("alpha/alpha-1").order().status());
      assertEquals(OrderStatus.FILLED, rows.orders.get("alpha/alpha-2").order().status());
      assertEquals(3, rows.fillEventSeqs.size());
      assertEquals(TradingStory.countsAfter(EVENTS), rows.strategies.get("alpha").counts(),
          "died after write " + crashPoints);
      crashPoints++;
    }
    assertTrue(crashPoints > 10, "only " + crashPoints + " writes");
  }

  @Test
  void anAcceptanceWithSeveralFillsRedeliveredAfterDyingAtAnyWriteCountsEachFillOnce() {
    List<StrategyEntity.Event> events = List.of(EVENTS.get(0), EVENTS.get(1),
        new StrategyEntity.OrderAccepted("alpha-1", "v-1", TradingStory.at(2), List.of(ALPHA_FILL_1, ALPHA_FILL_2),
            TradingStory.MONEY_SCALE));
    int crashPoints = 0;
    boolean died = true;
    while (died) {
      MemoryRows rows = new MemoryRows();
      died = diesApplying(new CrashingRows(rows, crashPoints), events);

      applyFrom(rows, 1, events);
      applyFrom(rows, 3, events);

      assertEquals(TradingStory.positionAfter("BTCUSDT", ALPHA_FILL_1, ALPHA_FILL_2),
          rows.positions.get("alpha/BTCUSDT").position(), "died after write " + crashPoints);
      assertEquals(OrderStatus.FILLED, rows.orders.get("alpha/alpha-1").order().status());
      assertEquals("v-1", rows.orders.get("alpha/alpha-1").order().venueOrderId());
      assertEquals(2, rows.fillEventSeqs.size());
      assertEquals(new OrderCounts(1, 1, 0, 0, 0, 2), rows.strategies.get("alpha").counts());
      assertEquals(TradingStory.countsAfter(events), rows.strategies.get("alpha").counts());
      crashPoints++;
    }
    assertTrue(crashPoints > 4, "only " + crashPoints + " writes");
  }

  @Test
  void redeliveryFromAnEarlierEventChangesNothing() {
    MemoryRows rows = new MemoryRows();
    applyFrom(rows, 1);
    var ordersBefore = new HashMap<>(rows.orders);
    var positionsBefore = new HashMap<>(rows.positions);
    var strategiesBefore = new HashMap<>(rows.strategies);

    applyFrom(rows, 4);

    assertEquals(ordersBefore, rows.orders);
    assertEquals(positionsBefore, rows.positions);
    assertEquals(strategiesBefore, rows.strategies);
  }

  @Test
  void aFillOfAnOrderTheStrategyHasClosedIsIgnoredAsTheStrategyIgnoresIt() {
    MemoryRows rows = new MemoryRows();
    applyFrom(rows, 1);
    Fill late = new Fill("late", "alpha-4", "BTCUSDT", Side.BUY, new BigDecimal("59500.00"), new BigDecimal("0.001"),
        BigDecimal.ZERO, true, TradingStory.at(30));

    projector.apply(rows, "alpha", EVENTS.size() + 1, new StrategyEntity.OrderFilled(late, TradingStory.MONEY_SCALE));

    assertEquals(EXPECTED, rows.positions.get("alpha/BTCUSDT").position());
    assertEquals(OrderStatus.CANCELED, rows.orders.get("alpha/alpha-4").order().status());
  }

  @Test
  void aFillIsValuedAtTheScaleItsEventRecordedThoughTheInstrumentIsNoLongerConfigured() {
    MemoryRows rows = new MemoryRows();
    StrategyEventProjector withoutInstruments = new StrategyEventProjector(new InstrumentCatalog(List.of()));
    for (int i = 0; i < EVENTS.size(); i++) {
      withoutInstruments.apply(rows, "alpha", i + 1, EVENTS.get(i));
    }

    assertEquals(EXPECTED, rows.positions.get("alpha/BTCUSDT").position());
  }

  @Test
  void theStrategyRowHoldsTheConfigTheLastStatusAndTheCountsTheStrategysBookKeeps() {
    MemoryRows rows = new MemoryRows();

    applyFrom(rows, 1);
    projector.apply(rows, "alpha", EVENTS.size() + 1, new StrategyEntity.StrategyStarted(TradingStory.at(12)));
    projector.apply(rows, "alpha", EVENTS.size() + 2, new StrategyEntity.StrategyHalted("HALTED: lunch",
        TradingStory.at(13)));

    StrategyRow alpha = rows.strategies.get("alpha");
    assertEquals(new OrderCounts(4, 2, 1, 1, 0, 3), alpha.counts());
    assertEquals(TradingStory.countsAfter(EVENTS), alpha.counts());
    assertEquals(StrategyStatus.HALTED, alpha.status());
    assertEquals("HALTED: lunch", alpha.statusReason());
    assertEquals(TradingStory.at(13), alpha.statusSince());
    assertEquals("momentum", alpha.config().type());
  }

  @Test
  void newParametersAndADeletionReachTheStrategyRowAndARecreationStartsItAfresh() {
    MemoryRows rows = new MemoryRows();
    applyFrom(rows, 1);
    int seq = EVENTS.size();
    var config = rows.strategies.get("alpha").config();

    projector.apply(rows, "alpha", seq + 1, new StrategyEntity.StrategyStopped("manual", TradingStory.at(20)));
    projector.apply(rows, "alpha", seq + 2, new StrategyEntity.StrategyReconfigured(
        config.withParams(java.util.Map.of("orderNotional", "400"), true), TradingStory.at(21)));
    assertEquals("400", rows.strategies.get("alpha").config().params().get("orderNotional"));
    projector.apply(rows, "alpha", seq + 3, new StrategyEntity.StrategyDeleted("done", TradingStory.at(22)));
    assertEquals(StrategyStatus.DELETED, rows.strategies.get("alpha").status());

    projector.apply(rows, "alpha", seq + 4, new StrategyEntity.StrategyCreated(config, TradingStory.at(23)));
    assertEquals(StrategyStatus.STOPPED, rows.strategies.get("alpha").status());
    assertEquals(OrderCounts.NONE, rows.strategies.get("alpha").counts());
  }

  /** Applies the events from sequence number {@code from} (the first is 1) to the last. */
  private void applyFrom(ReadSideRows rows, int from) {
    applyFrom(rows, from, EVENTS);
  }

  private void applyFrom(ReadSideRows rows, int from, List<StrategyEntity.Event> events) {
    for (int seq = from; seq <= events.size(); seq++) {
      projector.apply(rows, "alpha", seq, events.get(seq - 1));
    }
  }

  private boolean diesApplying(ReadSideRows rows) {
    return diesApplying(rows, EVENTS);
  }

  private boolean diesApplying(ReadSideRows rows, List<StrategyEntity.Event> events) {
    try {
      applyFrom(rows, 1, events);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
