package org.tradingnode.core.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmaTest {

  // Source: Achelis, Technical Analysis from A to Z, p. 209, via tulipindicators tests/atoz.txt, test 'ema 5'.
  private static final double[] INPUT = {25, 24.875, 24.781, 24.594, 24.5, 24.625, 25.219, 27.25};
  // One value per input, starting at the first: the average is seeded with the first input. Printed to 3 decimals.
  private static final double[] EXPECTED_EMA = {25, 24.958, 24.899, 24.797, 24.698, 24.674, 24.856, 25.654};
  private static final double PRINTED_PRECISION = 1e-3;

  @Test
  void matchesAchelisReferenceValuesForFivePeriodEma() {
    Ema ema = new Ema(5);
    for (int i = 0; i < INPUT.length; i++) {
      ema.update(INPUT[i]);
      assertEquals(EXPECTED_EMA[i], ema.value(), PRINTED_PRECISION, "EMA at input " + i);
    }
  }

  @Test
  void isSeededWithTheFirstInput() {
    Ema ema = new Ema(10);
    ema.update(42.5);

    assertEquals(42.5, ema.value(), 0.0);
  }

  @Test
  void isNotReadyBeforeWarmUp() {
    Ema ema = new Ema(3);
    assertThrows(IllegalStateException.class, ema::value);

    ema.update(1);
    ema.update(2);
    assertFalse(ema.isReady());

    ema.update(3);
    assertTrue(ema.isReady());
  }

  @Test
  void smoothsWithTwoOverPeriodPlusOne() {
    Ema ema = new Ema(3);
    ema.update(10);
    ema.update(20);

    assertEquals(15.0, ema.value(), 1e-12);
  }

  @Test
  void exposesItsPeriod() {
    assertEquals(9, new Ema(9).period());
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new Ema(0));
    assertThrows(IllegalArgumentException.class, () -> new Ema(-1));
  }
}
