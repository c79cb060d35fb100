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
    assertEquals(Optional.of("symbols [ETHUSDT] are not all listed on paper"), types.problemWith(
        new StrategyConfig("s1", "momentum", "acc", "paper", List.of("ETHUSDT"), Map.of()), catalog));
    assertTrue(types.problemWith(config("grid", Map.of()), catalog).orElseThrow().contains("unknown strategy type"));
  }
}
