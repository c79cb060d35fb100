package org.tradingnode.core.domain.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  private static final Instrument BTCUSDT = new Instrument("paper", "BTCUSDT", "BTC", "USDT",
      new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  @Test
  void priceRoundsDownToTheTickBelow() {
    BigDecimal rounded = BTCUSDT.roundPrice(new BigDecimal("100.019"), RoundingMode.DOWN);

    assertEquals(new BigDecimal("100.01"), rounded);
  }

  @Test
  void priceRoundsUpToTheTickAbove() {
    BigDecimal rounded = BTCUSDT.roundPrice(new BigDecimal("100.011"), RoundingMode.UP);

    assertEquals(new BigDecimal("100.02"), rounded);
  }

  @Test
  void priceHalfwayBetweenTicksRoundsHalfEvenToTheEvenTick() {
    assertEquals(new BigDecimal("100.00"), BTCUSDT.roundPrice(new BigDecimal("100.005"), RoundingMode.HALF_EVEN));
    assertEquals(new BigDecimal("100.02"), BTCUSDT.roundPrice(new BigDecimal("100.015"), RoundingMode.HALF_EVEN));
  }

  @Test
  void doublePriceIsRoundedToTheTick() {
    BigDecimal rounded = BTCUSDT.roundPrice(27123.456, RoundingMode.HALF_UP);

    assertEquals(new BigDecimal("27123.46"), rounded);
  }

  @Test
  void priceIsRoundedToACoarseTickWithTheTicksPrecision() {
    Instrument halfTick = new Instrument("paper", "ETHUSDT", "ETH", "USDT",
        new BigDecimal("0.50"), new BigDecimal("0.001"), BigDecimal.ONE);

    BigDecimal rounded = halfTick.roundPrice(new BigDecimal("1800.74"), RoundingMode.DOWN);

    assertEquals(new BigDecimal("1800.5"), rounded);
  }

  @Test
  void quantityRoundsDownToTheLotNeverUp() {
    BigDecimal rounded = BTCUSDT.roundQuantity(new BigDecimal("0.123459"));

    assertEquals(new BigDecimal("0.12345"), rounded);
  }

  @Test
  void quantitySmallerThanOneLotRoundsToZero() {
    BigDecimal rounded = BTCUSDT.roundQuantity(new BigDecimal("0.000009"));

    assertEquals(0, rounded.signum());
  }

  @Test
  void priceOnTheTickIsOnTick() {
    assertTrue(BTCUSDT.isOnTick(new BigDecimal("100.01")));
    assertTrue(BTCUSDT.isOnTick(new BigDecimal("100.010")));
    assertTrue(BTCUSDT.isOnTick(new BigDecimal("100")));
  }

  @Test
  void priceBetweenTicksIsNotOnTick() {
    assertFalse(BTCUSDT.isOnTick(new BigDecimal("100.015")));
  }

  @Test
  void quantityOnTheLotIsOnLot() {
    assertTrue(BTCUSDT.isOnLot(new BigDecimal("0.00002")));
    assertTrue(BTCUSDT.isOnLot(new BigDecimal("1.5")));
  }

  @Test
  void quantityBetweenLotsIsNotOnLot() {
    assertFalse(BTCUSDT.isOnLot(new BigDecimal("0.000015")));
  }

  @Test
  void notionalIsPriceTimesQuantityAtTickPlusLotPrecision() {
    BigDecimal notional = BTCUSDT.notional(new BigDecimal("100.01"), new BigDecimal("0.5"));

    assertDecimal("50.005", notional);
    assertEquals(7, notional.scale());
  }

  @Test
  void idIsExchangeColonSymbol() {
    assertEquals("paper:BTCUSDT", BTCUSDT.id());
  }

  @Test
  void nonPositiveTickIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Instrument("paper", "X", "A", "B",
        BigDecimal.ZERO, new BigDecimal("0.1"), BigDecimal.ONE));
  }

  @Test
  void nonPositiveLotIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Instrument("paper", "X", "A", "B",
        new BigDecimal("0.1"), new BigDecimal("-0.1"), BigDecimal.ONE));
  }

  @Test
  void negativeMinNotionalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Instrument("paper", "X", "A", "B",
        new BigDecimal("0.1"), new BigDecimal("0.1"), new BigDecimal("-1")));
  }

  @Test
  void catalogFindsAnInstrumentByExchangeAndSymbol() {
    Instrument eth = new Instrument("other", "ETHUSDT", "ETH", "USDT",
        new BigDecimal("0.01"), new BigDecimal("0.0001"), BigDecimal.TEN);
    InstrumentCatalog catalog = new InstrumentCatalog(List.of(BTCUSDT, eth));

    assertEquals(BTCUSDT, catalog.find("paper", "BTCUSDT").orElseThrow());
    assertTrue(catalog.find("paper", "ETHUSDT").isEmpty());
    assertEquals(List.of(eth), catalog.onExchange("other"));
    assertEquals(List.of("paper", "other"), catalog.exchanges());
  }

  @Test
  void catalogBySymbolLeavesUnknownSymbolsOut() {
    InstrumentCatalog catalog = new InstrumentCatalog(List.of(BTCUSDT));

    Map<String, Instrument> found = catalog.bySymbol("paper", List.of("BTCUSDT", "DOGEUSDT"));

    assertEquals(Map.of("BTCUSDT", BTCUSDT), found);
  }
}
