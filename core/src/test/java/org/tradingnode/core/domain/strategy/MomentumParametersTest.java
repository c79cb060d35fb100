package org.tradingnode.core.domain.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumParametersTest {

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  @Test
  void emptyParametersTakeTheDefaults() {
    MomentumParameters p = MomentumParameters.parse(Map.of());

    assertEquals(9, p.fastPeriod());
    assertEquals(21, p.slowPeriod());
    assertDecimal("1000", p.orderNotional());
    assertEquals(4, p.takeProfit().size());
    assertDecimal("0.1", p.stopLoss());
    assertFalse(p.exitOnCrossDown());
    assertDecimal("0", p.entryLimitOffset());
  }

  @Test
  void givenParametersOverrideTheDefaults() {
    MomentumParameters p = MomentumParameters.parse(Map.of(
        "fastPeriod", " 3 ", "slowPeriod", "8", "orderNotional", "250.5", "takeProfit", "0.2:1",
        "stopLoss", "0.02", "exitOnCrossDown", "true", "entryLimitOffset", "0.01"));

    assertEquals(3, p.fastPeriod());
    assertEquals(8, p.slowPeriod());
    assertDecimal("250.5", p.orderNotional());
    assertEquals(List.of(new TakeProfitPhase(new BigDecimal("0.2"), new BigDecimal("1"))), p.takeProfit());
    assertDecimal("0.02", p.stopLoss());
    assertTrue(p.exitOnCrossDown());
    assertDecimal("0.01", p.entryLimitOffset());
  }

  @Test
  void unknownKeyIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("fastPeriode", "3")));
  }

  @Test
  void fastPeriodNotBelowSlowPeriodIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> MomentumParameters.parse(Map.of("fastPeriod", "4", "slowPeriod", "4")));
    assertThrows(IllegalArgumentException.class,
        () -> MomentumParameters.parse(Map.of("fastPeriod", "5", "slowPeriod", "4")));
  }

  @Test
  void nonPositiveFastPeriodIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("fastPeriod", "0")));
  }

  @Test
  void nonNumericValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("fastPeriod", "three")));
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("orderNotional", "lots")));
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("exitOnCrossDown", "yes")));
  }

  @Test
  void nonPositiveOrderNotionalIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("orderNotional", "0")));
  }

  @Test
  void stopLossOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("stopLoss", "0")));
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("stopLoss", "1")));
  }

  @Test
  void entryLimitOffsetOutsideZeroInclusiveToOneIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> MomentumParameters.parse(Map.of("entryLimitOffset", "-0.01")));
    assertThrows(IllegalArgumentException.class, () -> MomentumParameters.parse(Map.of("entryLimitOffset", "1")));
  }

  @Test
  void takeProfitParsesProfitAndSellFractionPairs() {
    List<TakeProfitPhase> phases = TakeProfitPhase.parse(" 0.5:0.25 , 1.0:0.75");

    assertEquals(2, phases.size());
    assertDecimal("0.5", phases.get(0).profitFraction());
    assertDecimal("0.25", phases.get(0).sellFraction());
    assertDecimal("1.0", phases.get(1).profitFraction());
    assertDecimal("0.75", phases.get(1).sellFraction());
  }

  @Test
  void takeProfitRejectsDecreasingOrRepeatedLevels() {
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0.5:0.25,0.4:0.25"));
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0.5:0.25,0.5:0.25"));
  }

  @Test
  void takeProfitRejectsFractionsSummingAboveOne() {
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0.1:0.5,0.2:0.3,0.3:0.21"));
  }

  @Test
  void takeProfitAcceptsFractionsSummingToExactlyOne() {
    assertEquals(3, TakeProfitPhase.parse("0.1:0.5,0.2:0.3,0.3:0.2").size());
  }

  @Test
  void takeProfitRejectsMalformedPhases() {
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0.1"));
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0.1:half"));
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0:0.5"));
    assertThrows(IllegalArgumentException.class, () -> TakeProfitPhase.parse("0.1:1.5"));
  }
}
