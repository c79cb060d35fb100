package org.tradingnode.core.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RsiTest {

  // Source: Achelis, Technical Analysis from A to Z, p. 299, via tulipindicators tests/atoz.txt, test 'rsi 5'.
  private static final double[] INPUT = {
    37.875, 39.5, 38.75, 39.8125, 40, 39.875, 40.1875, 41.25, 41.125, 41.625,
    41.25, 40.1875, 39.9375, 39.9375, 40.5, 41.9375, 42.25, 42.25, 41.875, 41.875
  };
  // One value per input from index 5 (period + 1 inputs) on; printed to 4 decimals.
  private static final double[] EXPECTED_RSI = {
    76.6667, 78.8679, 84.9158, 81.4863, 84.5968, 73.0851, 49.3173, 45.0119,
    45.0119, 57.9252, 75.9596, 78.4676, 78.4676, 65.6299, 65.6299
  };
  private static final double PRINTED_PRECISION = 1e-4;

  @Test
  void matchesAchelisReferenceValuesForFivePeriodRsi() {
    Rsi rsi = new Rsi(5);
    int firstOutputIndex = INPUT.length - EXPECTED_RSI.length;
    for (int i = 0; i < INPUT.length; i++) {
      rsi.update(INPUT[i]);
      assertEquals(i >= firstOutputIndex, rsi.isReady(), "ready at input " + i);
      if (rsi.isReady()) {
        assertEquals(EXPECTED_RSI[i - firstOutputIndex], rsi.value(), PRINTED_PRECISION, "RSI at input " + i);
      }
    }
  }

  @Test
  void isNotReadyBeforeWarmUp() {
    Rsi rsi = new Rsi(2);
    rsi.update(1);
    rsi.update(2);

    assertFalse(rsi.isReady());
    assertThrows(IllegalStateException.class, rsi::value);

    rsi.update(3);
    assertTrue(rsi.isReady());
  }

  @Test
  void readsOneHundredWhenPricesOnlyRise() {
    Rsi rsi = new Rsi(3);
    for (double value : new double[] {1, 2, 3, 4, 5}) {
      rsi.update(value);
    }

    assertEquals(100.0, rsi.value(), 1e-12);
  }

  @Test
  void readsZeroWhenPricesOnlyFall() {
    Rsi rsi = new Rsi(3);
    for (double value : new double[] {5, 4, 3, 2, 1}) {
      rsi.update(value);
    }

    assertEquals(0.0, rsi.value(), 1e-12);
  }

  @Test
  void readsFiftyWhenPricesDoNotMove() {
    Rsi rsi = new Rsi(3);
    for (int i = 0; i < 6; i++) {
      rsi.update(7.0);
    }

    assertEquals(50.0, rsi.value(), 1e-12);
  }

  @Test
  void exposesItsPeriod() {
    assertEquals(14, new Rsi(14).period());
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new Rsi(0));
    assertThrows(IllegalArgumentException.class, () -> new Rsi(-14));
  }
}
