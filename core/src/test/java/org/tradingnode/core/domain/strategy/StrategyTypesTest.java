package org.tradingnode.core.domain.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.risk.RiskLimits;

class StrategyTypesTest {

  private static final Map<String, Instrument> INSTRUMENTS = Map.of("BTCUSDT", new Instrument("paper", "BTCUSDT",
      "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5")));

  private static StrategyConfig config(String type, Map<String, String> params) {
    return new StrategyConfig("s1", type, "acc", "paper", List.of("BTCUSDT"), params);
  }

  @Test
  void builtInTypesAreJustMomentum() {
    assertEquals(Set.of("momentum"), StrategyTypes.builtIn().names());
  }

  @Test
  void momentumConfigCreatesAMomentumStrategy() {
    TradingStrategy strategy = StrategyTypes.builtIn()
        .create(config("momentum", Map.of("fastPeriod", "2", "slowPeriod", "4")), INSTRUMENTS);

    assertInstanceOf(MomentumStrategy.class, strategy);
  }

  @Test
  void unknownTypeIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> StrategyTypes.builtIn().create(config("grid", Map.of()), INSTRUMENTS));
  }

  @Test
  void badParametersAreRejectedAtCreation() {
    assertThrows(IllegalArgumentException.class,
        () -> StrategyTypes.builtIn().create(config("momentum", Map.of("slowPeriod", "3")), INSTRUMENTS));
  }

  @Test
  void configConnectionIdIsExchangeColonAccount() {
    assertEquals("paper:acc", config("momentum", Map.of()).connectionId());
  }

  @Test
  void aConfigThatCannotRunIsDescribedInWordsBeforeAnythingRuns() {
    InstrumentCatalog catalog = new InstrumentCatalog(List.copyOf(INSTRUMENTS.values()));
    StrategyTypes types = StrategyTypes.builtIn();

    assertEquals(Optional.empty(), types.problemWith(config("momentum", Map.of()), catalog));
    assertEquals(Optional.of("symbols [ETHUSDT] are not listed on paper; listed: [BTCUSDT]"), types.problemWith(
        new StrategyConfig("s1", "momentum", "acc", "paper", List.of("ETHUSDT"), Map.of()), catalog));
    assertTrue(types.problemWith(config("grid", Map.of()), catalog).orElseThrow().contains("unknown strategy type"));
  }

  @Test
  void aStrategyWhoseEveryOrderWouldBeRefusedIsRefusedWithTheParameterAndTheBoundNamed() {
    InstrumentCatalog catalog = new InstrumentCatalog(List.copyOf(INSTRUMENTS.values()));
    RiskLimits limits = new RiskLimits(new BigDecimal("25000"), new BigDecimal("50000"), new BigDecimal("90000"), 50,
        new BigDecimal("5"), 120, new BigDecimal("5000"));
    StrategyTypes types = StrategyTypes.builtIn();

    List<ConfigProblem> tooSmall = types.problemsWith(config("momentum", Map.of("orderNotional", "1")), catalog,
        Optional.of(limits));
    List<ConfigProblem> tooLarge = types.problemsWith(config("momentum", Map.of("orderNotional", "10000000")),
        catalog, Optional.of(limits));

    assertEquals(List.of(new ConfigProblem("params.orderNotional", "orderNotional 1 is below the minimum notional 5 "
        + "USDT of BTCUSDT on paper: the venue would refuse every order")), tooSmall);
    assertEquals(List.of(new ConfigProblem("params.orderNotional", "orderNotional 10000000 exceeds the largest order "
        + "account acc allows (maxOrderNotional 25000): risk would refuse every order")), tooLarge);
    assertEquals(List.of(), types.problemsWith(config("momentum", Map.of("orderNotional", "25000")), catalog,
        Optional.of(limits)));
  }

  @Test
  void anUnknownExchangeIsNamedAsSuchNotBlamedOnTheSymbols() {
    InstrumentCatalog catalog = new InstrumentCatalog(List.copyOf(INSTRUMENTS.values()));

    List<ConfigProblem> problems = StrategyTypes.builtIn().problemsWith(
        new StrategyConfig("s1", "momentum", "acc", "binanse", List.of("BTCUSDT"), Map.of()), catalog,
        Optional.empty());

    assertEquals(List.of(new ConfigProblem("exchange", "unknown exchange 'binanse', known: [paper]")), problems);
  }

  @Test
  void theParametersInForceIncludeTheDefaults() {
    Map<String, String> inForce = StrategyTypes.builtIn().paramsInForce(config("momentum", Map.of("fastPeriod",
        "3")));

    assertEquals("3", inForce.get("fastPeriod"));
    assertEquals("21", inForce.get("slowPeriod"));
    assertEquals(7, inForce.size());
  }
}
