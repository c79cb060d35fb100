package org.tradingnode.core.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AtrTest {

  // Source: Achelis, Technical Analysis from A to Z, p. 70, via tulipindicators tests/atoz.txt, test 'atr 4'.
  private static final double[] HIGH = {
    12.3125, 12.25, 12.3125, 12.2812, 12.375, 12.375, 12.3125, 12.375, 12.5, 12.5938,
    12.3438, 12.4062, 12.375, 12.4062, 12.375, 12.2812, 12.25, 12.0625, 12.3125, 12.3125
  };
  private static final double[] LOW = {
    12.1875, 12.1562, 12.1875, 12.125, 12.125, 12.2812, 12.1875, 12.1875, 12.2812, 12.3125,
    12.2812, 12.2812, 12.2812, 12.2812, 11.9688, 12.0938, 12, 11.6562, 12.1562, 12.125
  };
  private static final double[] CLOSE = {
    12.25, 12.1875, 12.25, 12.1875, 12.375, 12.3125, 12.2188, 12.3438, 12.5, 12.375,
    12.3438, 12.3438, 12.2812, 12.375, 12.0938, 12.1562, 12.0625, 11.9688, 12.1875, 12.1562
  };
  // One value per bar from index 3 (the first `period` bars) on; printed to 4 decimals, from inputs
  // themselves rounded to 4 decimals (12.2812 for 12 9/32), hence a tolerance of one unit in the last place.
  private static final double[] EXPECTED_ATR = {
    0.125, 0.1563, 0.1406, 0.1367, 0.1494, 0.1668, 0.1954, 0.17, 0.1587,
    0.1425, 0.1381, 0.2052, 0.2007, 0.213, 0.2614, 0.2819, 0.2583
  };
  private static final double PRINTED_PRECISION = 1e-4;

  @Test
  void matchesAchelisReferenceValuesForFourPeriodAtr() {
    Atr atr = new Atr(4);
    int firstOutputIndex = HIGH.length - EXPECTED_ATR.length;
    for (int i = 0; i < HIGH.length; i++) {
      atr.update(HIGH[i], LOW[i], CLOSE[i]);
      assertEquals(i >= firstOutputIndex, atr.isReady(), "ready at bar " + i);
      if (atr.isReady()) {
        assertEquals(EXPECTED_ATR[i - firstOutputIndex], atr.value(), PRINTED_PRECISION, "ATR at bar " + i);
      }
    }
  }

  @Test
  void isNotReadyBeforeWarmUp() {
    Atr atr = new Atr(2);
    atr.update(11, 9, 10);

    assertFalse(atr.isReady());
    assertThrows(IllegalStateException.class, atr::value);

    atr.update(12, 10, 11);
    assertTrue(atr.isReady());
  }

  @Test
  void firstValueIsTheMeanOfTheFirstTrueRanges() {
    Atr atr = new Atr(2);
    atr.update(11, 9, 10);
    // The gap up from the previous close of 10 makes the true range 15 - 10, not 15 - 14.
    atr.update(15, 14, 14.5);

    assertEquals((2.0 + 5.0) / 2, atr.value(), 1e-12);
  }

  @Test
  void smoothsLaterTrueRangesTheWilderWay() {
    Atr atr = new Atr(2);
    atr.update(11, 9, 10);
    atr.update(12, 10, 11);
    atr.update(17, 11, 16);

    assertEquals((2.0 * 1 + 6.0) / 2, atr.value(), 1e-12);
  }

  @Test
  void exposesItsPeriod() {
    assertEquals(14, new Atr(14).period());
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new Atr(0));
    assertThrows(IllegalArgumentException.class, () -> new Atr(-4));
  }

  @Test
  void rejectsBarWithHighBelowLow() {
    Atr atr = new Atr(3);

    assertThrows(IllegalArgumentException.class, () -> atr.update(9, 10, 9.5));
  }
}
