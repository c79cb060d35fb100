package org.tradingnode.core.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacdTest {

  // Source: Achelis, Technical Analysis from A to Z, p. 202 and its companion spreadsheet, via
  // tulipindicators tests/atoz.txt, test 'macd 12 26 9'. These values use Appel's smoothing factors
  // 0.15 and 0.075 for the 12/26 averages; 2/13 and 2/27 miss them by up to 0.08.
  private static final double[] INPUT = {
    63.75, 63.625, 63, 62.75, 63.25, 65.375, 66, 65, 64.875, 64.75, 64.375, 64.375, 64.625, 64.375,
    64.5, 65.25, 67.875, 68, 66.875, 66.25, 65.875, 66, 65.875, 64.75, 63, 63.375, 63.375, 63.375,
    63.875, 65.5, 63.25, 60.75, 57.25, 59.125, 59.25, 58.5, 59.125, 59.75, 60.625, 60.5, 59, 59.5,
    58.875, 59.625, 59.875, 59.75, 59.625, 59.25, 58.875, 59.125, 60.875, 60.75, 61.125, 62.5, 63.25
  };
  // One value per input from index 25 (the slow period's 26th input) on; printed to 9 decimals.
  private static final double[] EXPECTED_MACD = {
    0.069246173, -0.056749361, -0.155174919, -0.193316296, -0.099255145, -0.192932945,
    -0.45191662, -0.912958472, -1.124556845, -1.268899802, -1.424364329, -1.483699214,
    -1.466784652, -1.37135925, -1.290278236, -1.324512659, -1.299028706, -1.311252875,
    -1.249862534, -1.168783424, -1.101261161, -1.045157593, -1.01741314, -1.012278166,
    -0.978102663, -0.808978519, -0.676278653, -0.536210248, -0.316924099, -0.084694969
  };
  private static final double[] EXPECTED_SIGNAL = {
    0.069246173, 0.044047066, 0.004202669, -0.035301124, -0.048091928, -0.077060132,
    -0.152031429, -0.304216838, -0.468284839, -0.628407832, -0.787599131, -0.926819148,
    -1.034812249, -1.102121649, -1.139752966, -1.176704905, -1.201169665, -1.223186307,
    -1.228521552, -1.216573927, -1.193511374, -1.163840617, -1.134555122, -1.110099731,
    -1.083700317, -1.028755957, -0.958260496, -0.873850447, -0.762465177, -0.626911135
  };
  private static final double[] EXPECTED_HISTOGRAM = {
    0, -0.100796427, -0.159377588, -0.158015172, -0.051163217, -0.115872813,
    -0.29988519, -0.608741634, -0.656272006, -0.64049197, -0.636765198, -0.556880067,
    -0.431972403, -0.269237601, -0.15052527, -0.147807754, -0.097859041, -0.088066568,
    -0.021340981, 0.047790503, 0.092250213, 0.118683025, 0.117141982, 0.097821565,
    0.105597654, 0.219777438, 0.281981844, 0.337640199, 0.445541078, 0.542216167
  };
  private static final double PRINTED_PRECISION = 1e-8;

  @Test
  void matchesAchelisReferenceValuesForClassicTwelveTwentySixNineMacd() {
    Macd macd = new Macd(12, 26, 9);
    int firstOutputIndex = INPUT.length - EXPECTED_MACD.length;
    for (int i = 0; i < INPUT.length; i++) {
      macd.update(INPUT[i]);
      assertEquals(i >= firstOutputIndex, macd.isReady(), "ready at input " + i);
      if (macd.isReady()) {
        int j = i - firstOutputIndex;
        String where = " at input " + i;
        assertAll(
            () -> assertEquals(EXPECTED_MACD[j], macd.macd(), PRINTED_PRECISION, "macd" + where),
            () -> assertEquals(EXPECTED_SIGNAL[j], macd.signal(), PRINTED_PRECISION, "signal" + where),
            () -> assertEquals(EXPECTED_HISTOGRAM[j], macd.histogram(), PRINTED_PRECISION, "histogram" + where));
      }
    }
  }

  @Test
  void isNotReadyBeforeWarmUp() {
    Macd macd = new Macd(2, 4, 3);
    for (int i = 0; i < 3; i++) {
      macd.update(10 + i);
    }

    assertFalse(macd.isReady());
    assertThrows(IllegalStateException.class, macd::macd);
    assertThrows(IllegalStateException.class, macd::signal);
    assertThrows(IllegalStateException.class, macd::histogram);

    macd.update(13);
    assertTrue(macd.isReady());
    assertEquals(macd.macd(), macd.signal(), 0.0);
    assertEquals(0.0, macd.histogram(), 0.0);
  }

  @Test
  void usesFirstInputSeededEmasForNonClassicPeriods() {
    Macd macd = new Macd(3, 5, 2);
    Ema fast = new Ema(3);
    Ema slow = new Ema(5);
    Ema signal = new Ema(2);
    for (int i = 0; i < 40; i++) {
      double value = 100 + 5 * Math.sin(i * 0.5) + 0.3 * i;
      macd.update(value);
      fast.update(value);
      slow.update(value);
      if (slow.isReady()) {
        signal.update(fast.value() - slow.value());
        assertEquals(fast.value() - slow.value(), macd.macd(), 1e-12, "macd at input " + i);
        assertEquals(signal.value(), macd.signal(), 1e-12, "signal at input " + i);
      }
    }
  }

  @Test
  void exposesItsPeriods() {
    Macd macd = new Macd(12, 26, 9);

    assertEquals(12, macd.fastPeriod());
    assertEquals(26, macd.slowPeriod());
    assertEquals(9, macd.signalPeriod());
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new Macd(0, 26, 9));
    assertThrows(IllegalArgumentException.class, () -> new Macd(12, -26, 9));
    assertThrows(IllegalArgumentException.class, () -> new Macd(12, 26, 0));
  }

  @Test
  void rejectsFastPeriodNotBelowSlowPeriod() {
    assertThrows(IllegalArgumentException.class, () -> new Macd(26, 12, 9));
    assertThrows(IllegalArgumentException.class, () -> new Macd(12, 12, 9));
  }
}
