package org.tradingnode.core.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BollingerBandsTest {

  // Source: Achelis, Technical Analysis from A to Z, p. 73, via tulipindicators tests/atoz.txt, test 'bbands 5 2'.
  private static final double[] INPUT = {
    31.875, 32.125, 32.3125, 32.125, 31.875, 32.3125, 32.25, 32.4375, 32.8125, 32.375, 32.5,
    32.4375, 32.75, 33.1875, 33.0625, 33.0625, 33.125, 33.0625, 32.8125, 32.875, 33.25, 33.125
  };
  // One value per input from index 4 (the first full window) on; printed to 4 decimals.
  private static final double[] EXPECTED_LOWER = {
    31.7271, 31.8279, 31.8452, 31.8176, 31.7323, 32.0422, 32.0992, 32.2023, 32.2268,
    32.0552, 32.1927, 32.3546, 32.7354, 33.0, 32.8071, 32.7451, 32.7029, 32.7029
  };
  private static final double[] EXPECTED_MIDDLE = {
    32.0625, 32.15, 32.175, 32.2, 32.3375, 32.4375, 32.475, 32.5125, 32.575,
    32.65, 32.7875, 32.9, 33.0375, 33.1, 33.025, 32.9875, 33.025, 33.025
  };
  private static final double[] EXPECTED_UPPER = {
    32.3979, 32.4721, 32.5048, 32.5824, 32.9427, 32.8328, 32.8508, 32.8227, 32.9232,
    33.2448, 33.3823, 33.4454, 33.3396, 33.2, 33.2429, 33.2299, 33.3471, 33.3471
  };
  private static final double PRINTED_PRECISION = 1e-4;

  @Test
  void matchesAchelisReferenceValuesForFivePeriodTwoDeviationBands() {
    BollingerBands bands = new BollingerBands(5, 2.0);
    int firstOutputIndex = INPUT.length - EXPECTED_MIDDLE.length;
    for (int i = 0; i < INPUT.length; i++) {
      bands.update(INPUT[i]);
      assertEquals(i >= firstOutputIndex, bands.isReady(), "ready at input " + i);
      if (bands.isReady()) {
        int j = i - firstOutputIndex;
        String where = " at input " + i;
        assertAll(
            () -> assertEquals(EXPECTED_LOWER[j], bands.lower(), PRINTED_PRECISION, "lower" + where),
            () -> assertEquals(EXPECTED_MIDDLE[j], bands.middle(), PRINTED_PRECISION, "middle" + where),
            () -> assertEquals(EXPECTED_UPPER[j], bands.upper(), PRINTED_PRECISION, "upper" + where));
      }
    }
  }

  @Test
  void isNotReadyBeforeWarmUp() {
    BollingerBands bands = new BollingerBands(3, 2.0);
    bands.update(1);
    bands.update(2);

    assertFalse(bands.isReady());
    assertThrows(IllegalStateException.class, bands::middle);
    assertThrows(IllegalStateException.class, bands::upper);
    assertThrows(IllegalStateException.class, bands::lower);

    bands.update(3);
    assertTrue(bands.isReady());
  }

  @Test
  void usesThePopulationStandardDeviation() {
    BollingerBands bands = new BollingerBands(2, 1.0);
    bands.update(1);
    bands.update(3);

    // Mean 2, population standard deviation 1 (the sample one would be sqrt 2).
    assertEquals(1.0, bands.lower(), 1e-12);
    assertEquals(3.0, bands.upper(), 1e-12);
  }

  @Test
  void bandsCollapseOntoTheMiddleForAConstantSeries() {
    BollingerBands bands = new BollingerBands(4, 2.0);
    for (int i = 0; i < 20; i++) {
      bands.update(0.1);
    }

    assertEquals(0.1, bands.middle(), 1e-15);
    assertEquals(bands.middle(), bands.lower(), 1e-7);
    assertEquals(bands.middle(), bands.upper(), 1e-7);
  }

  @Test
  void staysAccurateAtHighPriceLevelsOverLongStreams() {
    int period = 20;
    BollingerBands bands = new BollingerBands(period, 2.0);
    double[] prices = new double[100_000];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = 65_000.0 + 0.5 * Math.sin(i * 0.37) + 0.01 * (i % 7);
      bands.update(prices[i]);
    }

    double mean = 0;
    for (int i = prices.length - period; i < prices.length; i++) {
      mean += prices[i] / period;
    }
    double squaredDeviations = 0;
    for (int i = prices.length - period; i < prices.length; i++) {
      squaredDeviations += (prices[i] - mean) * (prices[i] - mean);
    }
    double standardDeviation = Math.sqrt(squaredDeviations / period);

    assertEquals(mean, bands.middle(), 1e-6);
    assertEquals(mean + 2 * standardDeviation, bands.upper(), 1e-6);
    assertEquals(mean - 2 * standardDeviation, bands.lower(), 1e-6);
  }

  @Test
  void exposesItsParameters() {
    BollingerBands bands = new BollingerBands(20, 2.5);

    assertEquals(20, bands.period());
    assertEquals(2.5, bands.multiplier(), 0.0);
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new BollingerBands(0, 2.0));
    assertThrows(IllegalArgumentException.class, () -> new BollingerBands(-5, 2.0));
  }

  @Test
  void rejectsNonPositiveOrNonFiniteMultiplier() {
    assertThrows(IllegalArgumentException.class, () -> new BollingerBands(5, 0.0));
    assertThrows(IllegalArgumentException.class, () -> new BollingerBands(5, -2.0));
    assertThrows(IllegalArgumentException.class, () -> new BollingerBands(5, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new BollingerBands(5, Double.POSITIVE_INFINITY));
  }
}
