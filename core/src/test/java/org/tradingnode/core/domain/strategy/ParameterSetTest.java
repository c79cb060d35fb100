package org.tradingnode.core.domain.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSetTest {

  @Test
  void everyUnknownParameterAndEveryBadValueIsReportedAtOnce() {
    List<ConfigProblem> problems = MomentumParameters.SPEC.problems(Map.of(
        "fastPeriode", "3", "slowPerid", "8", "stopLoss", "1.5", "fastPeriod", "2.5", "exitOnCrossDown", "yes"));

    assertEquals(List.of("params.exitOnCrossDown", "params.fastPeriod", "params.fastPeriode", "params.slowPerid",
        "params.stopLoss"), problems.stream().map(ConfigProblem::field).toList());
    assertEquals("stopLoss must be in (0, 1) fraction of entry price, not 1.5", problems.get(4).message());
    assertEquals("fastPeriod must be an integer, not '2.5'", problems.get(1).message());
    assertEquals("unknown parameter 'fastPeriode', known: [fastPeriod, slowPeriod, orderNotional, takeProfit, "
        + "stopLoss, exitOnCrossDown, entryLimitOffset]", problems.get(2).message());
  }

  @Test
  void theValuesInForceAreTheGivenOnesAndTheDefaultsOfTheOthers() {
    Map<String, String> inForce = MomentumParameters.SPEC.inForce(Map.of("orderNotional", " 2000 "));

    assertEquals(List.of("fastPeriod", "slowPeriod", "orderNotional", "takeProfit", "stopLoss", "exitOnCrossDown",
        "entryLimitOffset"), List.copyOf(inForce.keySet()));
    assertEquals("2000", inForce.get("orderNotional"));
    assertEquals("9", inForce.get("fastPeriod"));
    assertEquals("0.5:0.25,1.0:0.25,2.0:0.25,4.0:0.25", inForce.get("takeProfit"));
  }

  @Test
  void parsingMomentumParametersNamesEveryProblemInOneRefusal() {
    InvalidConfig refused = assertThrows(InvalidConfig.class, () -> MomentumParameters.parse(Map.of(
        "fastPeriode", "3", "orderNotional", "-5")));

    assertEquals(2, refused.problems().size(), refused.getMessage());
  }

  @Test
  void aRelationBetweenParametersIsNamedByTheParameterThatBreaksIt() {
    InvalidConfig refused = assertThrows(InvalidConfig.class, () -> MomentumParameters.parse(Map.of(
        "fastPeriod", "30", "slowPeriod", "20")));

    assertEquals(List.of(new ConfigProblem("params.slowPeriod", "slowPeriod (20) must be above fastPeriod (30)")),
        refused.problems());
  }

  @Test
  void rangesAreWrittenInIntervalNotation() {
    assertEquals("(0, 1)", ParameterSpec.Range.openFraction().toString());
    assertEquals("[0, 1)", ParameterSpec.Range.fractionBelowOne().toString());
    assertEquals("[1, ∞)", ParameterSpec.Range.atLeast(1).toString());
    assertEquals("(0, ∞)", ParameterSpec.Range.positive().toString());
  }
}
