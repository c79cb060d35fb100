package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A recorded Binance trades file drives a symbol's market instead of the generator. */
class BinanceSimulatorReplayTest {
  private static final Path TRADES = Path.of(System.getProperty("shared.data.dir"), "market_data", "binance",
      "BTCUSDT-trades-2021-01-08.csv");

  @Test
  void replayedTradesAreStreamedAtTheirRecordedPrices() throws Exception {
    try (SimulatorFixture venue = SimulatorFixture.start(s -> s.withReplay(TRADES, "BTCUSDT"));
        StreamClient trades = venue.stream("/ws/btcusdt@trade")) {
      JsonNode trade = trades.next();

      BigDecimal price = new BigDecimal(trade.path("p").asText());
      assertTrue(price.compareTo(new BigDecimal("39430.30")) >= 0 && price.compareTo(new BigDecimal("39550.00")) <= 0,
          "price " + price + " is not one of the file's");
    }
  }
}
