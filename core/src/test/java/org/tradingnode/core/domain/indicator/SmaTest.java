package org.tradingnode.core.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmaTest {

  // Source: Achelis, Technical Analysis from A to Z, p. 207, via tulipindicators tests/atoz.txt, test 'sma 5'.
  private static final double[] INPUT = {25, 24.875, 24.781, 24.594, 24.5, 24.625, 25.219, 27.25};
  // One value per input from index 4 (the first full window) on; printed to 3 decimals.
  private static final double[] EXPECTED_SMA = {24.75, 24.675, 24.744, 25.238};
  private static final double PRINTED_PRECISION = 1e-3;

  @Test
  void matchesAchelisReferenceValuesForFivePeriodSma() {
    Sma sma = new Sma(5);
    int firstOutputIndex = INPUT.length - EXPECTED_SMA.length;
    for (int i = 0; i < INPUT.length; i++) {
      sma.update(INPUT[i]);
      assertEquals(i >= firstOutputIndex, sma.isReady(), "ready at input " + i);
      if (sma.isReady()) {
        assertEquals(EXPECTED_SMA[i - firstOutputIndex], sma.value(), PRINTED_PRECISION, "SMA at input " + i);
      }
    }
  }

  @Test
  void isNotReadyBeforeWarmUp() {
    Sma sma = new Sma(3);
    sma.update(1);
    sma.update(2);

    assertFalse(sma.isReady());
    assertThrows(IllegalStateException.class, sma::value);

    sma.update(3);
    assertTrue(sma.isReady());
    assertEquals(2.0, sma.value(), 1e-12);
  }

  @Test
  void dropsTheOldestInputOnceTheWindowIsFull() {
    Sma sma = new Sma(2);
    for (double value : new double[] {10, 20, 30, 40}) {
      sma.update(value);
    }

    assertEquals(35.0, sma.value(), 1e-12);
  }

  @Test
  void exposesItsPeriod() {
    assertEquals(7, new Sma(7).period());
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new Sma(0));
    assertThrows(IllegalArgumentException.class, () -> new Sma(-3));
  }
}
