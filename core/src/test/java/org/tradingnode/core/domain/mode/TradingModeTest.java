package org.tradingnode.core.domain.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TradingModeTest {

  @ParameterizedTest(name = "{0} -> {1} is {2}")
  @CsvSource({
      "INITIALIZING, RUNNING,      true",
      "INITIALIZING, HALTED,       true",
      "INITIALIZING, MAINTENANCE,  true",
      "INITIALIZING, SHUTDOWN,     true",
      "INITIALIZING, SAFE_MODE,    false",
      "RUNNING,      SAFE_MODE,    true",
      "RUNNING,      MAINTENANCE,  true",
      "RUNNING,      HALTED,       true",
      "RUNNING,      SHUTDOWN,     true",
      "RUNNING,      INITIALIZING, false",
      "SAFE_MODE,    RUNNING,      true",
      "SAFE_MODE,    MAINTENANCE,  true",
      "SAFE_MODE,    HALTED,       true",
      "SAFE_MODE,    SHUTDOWN,     true",
      "SAFE_MODE,    INITIALIZING, false",
      "MAINTENANCE,  RUNNING,      true",
      "MAINTENANCE,  SAFE_MODE,    true",
      "MAINTENANCE,  HALTED,       true",
      "MAINTENANCE,  SHUTDOWN,     true",
      "MAINTENANCE,  INITIALIZING, false",
      "HALTED,       RUNNING,      true",
      "HALTED,       MAINTENANCE,  true",
      "HALTED,       SHUTDOWN,     true",
      "HALTED,       SAFE_MODE,    false",
      "HALTED,       INITIALIZING, false",
      "SHUTDOWN,     INITIALIZING, true",
      "SHUTDOWN,     RUNNING,      false",
      "SHUTDOWN,     SAFE_MODE,    false",
      "SHUTDOWN,     MAINTENANCE,  false",
      "SHUTDOWN,     HALTED,       false"
  })
  void transitionTable(TradingMode from, TradingMode to, boolean allowed) {
    assertEquals(allowed, from.canChangeTo(to));
  }

  @ParameterizedTest
  @EnumSource(TradingMode.class)
  void noModeChangesToItself(TradingMode mode) {
    assertFalse(mode.canChangeTo(mode));
  }

  @Test
  void haltedCanBeLeftForRunningButNotForSafeMode() {
    assertTrue(TradingMode.HALTED.canChangeTo(TradingMode.RUNNING));
    assertFalse(TradingMode.HALTED.canChangeTo(TradingMode.SAFE_MODE));
  }

  @Test
  void shutdownCanOnlyRestartThroughInitializing() {
    for (TradingMode target : TradingMode.values()) {
      assertEquals(target == TradingMode.INITIALIZING, TradingMode.SHUTDOWN.canChangeTo(target), target.name());
    }
  }

  @Test
  void runnersExistOnlyWhileRunningOrInSafeMode() {
    Set<TradingMode> withRunners = EnumSet.noneOf(TradingMode.class);
    for (TradingMode mode : TradingMode.values()) {
      if (mode.allowsRunners()) {
        withRunners.add(mode);
      }
    }

    assertEquals(EnumSet.of(TradingMode.RUNNING, TradingMode.SAFE_MODE), withRunners);
  }

  @Test
  void onlyRunningAllowsNewExposure() {
    Set<TradingMode> withExposure = EnumSet.noneOf(TradingMode.class);
    for (TradingMode mode : TradingMode.values()) {
      if (mode.allowsNewExposure()) {
        withExposure.add(mode);
      }
    }

    assertEquals(EnumSet.of(TradingMode.RUNNING), withExposure);
  }
}
