package org.tradingnode.core.domain.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Side;

class PositionTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final int MONEY_SCALE = 2;

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  private static Fill fill(Side side, String price, String quantity, String fee) {
    return new Fill("f-" + side + price + quantity, "s1-1", "BTCUSDT", side, new BigDecimal(price),
        new BigDecimal(quantity), new BigDecimal(fee), false, T0);
  }

  private static Position apply(Position position, Fill... fills) {
    Position result = position;
    for (Fill f : fills) {
      result = result.apply(f, MONEY_SCALE);
    }
    return result;
  }

  @Test
  void flatPositionHasNothing() {
    Position flat = Position.flat("BTCUSDT");

    assertTrue(flat.isFlat());
    assertDecimal("0", flat.quantity());
    assertDecimal("0", flat.realizedPnl());
  }

  @Test
  void firstBuyOpensAtTheFillPrice() {
    Position position = apply(Position.flat("BTCUSDT"), fill(Side.BUY, "100", "2", "0"));

    assertDecimal("2", position.quantity());
    assertDecimal("100", position.averageEntryPrice());
    assertFalse(position.isFlat());
  }

  @Test
  void averageEntryIsQuantityWeightedOnAdds() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.BUY, "100", "1", "0"),
        fill(Side.BUY, "110", "3", "0"));

    assertDecimal("4", position.quantity());
    assertDecimal("107.5", position.averageEntryPrice());
    assertDecimal("0", position.realizedPnl());
  }

  @Test
  void partialCloseRealizesPnlAtTheAverageEntryAndKeepsTheAverage() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.BUY, "100", "4", "0"),
        fill(Side.SELL, "120", "1", "0"));

    assertDecimal("3", position.quantity());
    assertDecimal("100", position.averageEntryPrice());
    assertDecimal("20", position.realizedPnl());
  }

  @Test
  void closingToFlatResetsTheAverage() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.BUY, "100", "2", "0"),
        fill(Side.SELL, "90", "2", "0"));

    assertTrue(position.isFlat());
    assertDecimal("0", position.averageEntryPrice());
    assertDecimal("-20", position.realizedPnl());
  }

  @Test
  void flipThroughZeroRealizesTheClosedPartAndOpensTheRestAtTheFillPrice() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.BUY, "100", "1", "0"),
        fill(Side.SELL, "105", "3", "0"));

    assertDecimal("-2", position.quantity());
    assertDecimal("105", position.averageEntryPrice());
    assertDecimal("5", position.realizedPnl());
  }

  @Test
  void shortCoveredBelowEntryRealizesAProfit() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.SELL, "100", "2", "0"),
        fill(Side.BUY, "95", "1", "0"));

    assertDecimal("-1", position.quantity());
    assertDecimal("100", position.averageEntryPrice());
    assertDecimal("5", position.realizedPnl());
  }

  @Test
  void unrealizedPnlIsTheMarkMinusEntryTimesTheSignedQuantity() {
    Position longPosition = apply(Position.flat("BTCUSDT"), fill(Side.BUY, "100", "2", "0"));
    Position shortPosition = apply(Position.flat("BTCUSDT"), fill(Side.SELL, "100", "2", "0"));

    assertEquals(new BigDecimal("21.00"), longPosition.unrealizedPnl(new BigDecimal("110.5"), MONEY_SCALE));
    assertEquals(new BigDecimal("-21.00"), shortPosition.unrealizedPnl(new BigDecimal("110.5"), MONEY_SCALE));
  }

  @Test
  void unrealizedPnlOfAFlatPositionOrWithoutAMarkIsZeroAtMoneyScale() {
    Position open = apply(Position.flat("BTCUSDT"), fill(Side.BUY, "100", "2", "0"));

    assertEquals(new BigDecimal("0.00"), Position.flat("BTCUSDT").unrealizedPnl(new BigDecimal("100"), MONEY_SCALE));
    assertEquals(new BigDecimal("0.00"), open.unrealizedPnl(null, MONEY_SCALE));
  }

  @Test
  void feesAccumulateOverFillsAndAreTakenFromNetRealizedPnl() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.BUY, "100", "2", "0.20"),
        fill(Side.SELL, "110", "2", "0.22"));

    assertDecimal("0.42", position.fees());
    assertDecimal("20", position.realizedPnl());
    assertDecimal("19.58", position.netRealizedPnl());
  }

  @Test
  void realizedPnlIsRoundedHalfEvenToTheMoneyScale() {
    Position position = apply(Position.flat("BTCUSDT"),
        fill(Side.BUY, "100.00", "0.12345", "0"),
        fill(Side.SELL, "100.10", "0.12345", "0"));

    assertEquals(new BigDecimal("0.01"), position.realizedPnl());
    assertEquals(MONEY_SCALE, position.realizedPnl().scale());
  }

  @Test
  void unrealizedPnlIsRoundedHalfEvenToTheMoneyScale() {
    Position position = apply(Position.flat("BTCUSDT"), fill(Side.BUY, "100.00", "0.125", "0"));

    assertEquals(new BigDecimal("0.12"), position.unrealizedPnl(new BigDecimal("101.00"), MONEY_SCALE));
  }

  @Test
  void notionalIsTheAbsoluteQuantityTimesTheMark() {
    Position shortPosition = apply(Position.flat("BTCUSDT"), fill(Side.SELL, "100", "2", "0"));

    assertDecimal("220", shortPosition.notional(new BigDecimal("110")));
  }
}
