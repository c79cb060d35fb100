package org.tradingnode.core.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;

class AccountValuationTest {
  private static final List<Instrument> PAPER = List.of(
      new Instrument("paper", "BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
          new BigDecimal("5")),
      new Instrument("paper", "ETHUSDT", "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.0001"),
          new BigDecimal("5")));

  @Test
  void eachAssetIsValuedAtItsPairsLastPriceAndTheQuoteAssetAtOne() {
    AccountValuation valuation = AccountValuation.of(Map.of("USDT", new BigDecimal("1000"), "BTC",
        new BigDecimal("0.5")), PAPER, Map.of("BTCUSDT", new BigDecimal("60000.00")), "USDT");

    assertEquals(0, new BigDecimal("31000").compareTo(valuation.equity()), valuation.toString());
    assertEquals(List.of(), valuation.unpriced());
  }

  @Test
  void anAssetWithoutAPriceIsNamedAndLeftOutNotValuedAtZeroSilently() {
    AccountValuation valuation = AccountValuation.of(Map.of("USDT", new BigDecimal("1000"), "ETH", BigDecimal.ONE,
        "DOGE", BigDecimal.TEN), PAPER, Map.of(), "USDT");

    assertEquals(0, new BigDecimal("1000").compareTo(valuation.equity()));
    assertEquals(List.of("DOGE", "ETH"), valuation.unpriced());
  }
}
