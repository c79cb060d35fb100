package org.tradingnode.core.domain.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.testing.SharedData;

class RecordedTradesReaderTest {

  static final Path TRADES = SharedData.file("market_data/binance/BTCUSDT-trades-2021-01-08.csv");

  @TempDir Path temporary;

  @Test
  void readsAllTradesOfTheRecordedBinanceFile() {
    try (RecordedTradesReader reader = new RecordedTradesReader(TRADES, "BTCUSDT")) {
      Trade first = reader.next();
      assertEquals(
          new Trade("BTCUSDT", 1610064000278L, 553287559L, 39432.48, 0.000263, Side.SELL), first);
      int count = 1;
      Trade last = first;
      while (reader.hasNext()) {
        Trade trade = reader.next();
        assertTrue(trade.tradeId() > last.tradeId(), "trade ids increase");
        assertTrue(trade.timestamp() >= last.timestamp(), "timestamps do not decrease");
        last = trade;
        count++;
      }
      assertEquals(2001, count);
      assertEquals(553289559L, last.tradeId());
      assertEquals(0, reader.skippedLines());
    }
  }

  @Test
  void buyerMakerMeansSellAggressor() {
    List<Trade> trades = RecordedTradesReader.readAll(TRADES, "BTCUSDT");

    assertEquals(Side.SELL, trades.get(0).aggressor());
    assertEquals(Side.BUY, trades.get(1).aggressor());
    assertEquals(914, trades.stream().filter(trade -> trade.aggressor() == Side.SELL).count());
    assertEquals(1087, trades.stream().filter(trade -> trade.aggressor() == Side.BUY).count());
  }

  @Test
  void unparseableLinesAreSkippedAndCounted() throws IOException {
    Path file = write(
        RecordedTradesReader.HEADER,
        "1000,2021-01-08T00:00:01.000Z,1,100.5,0.1,False",
        "1001,2021-01-08T00:00:01.001Z,2,not-a-price,0.1,False",
        "1002,2021-01-08T00:00:01.002Z,3,100.5,0.1,Maybe",
        "1003,2021-01-08T00:00:01.003Z,4,100.5",
        "",
        "1004,2021-01-08T00:00:01.004Z,5,-1,0.1,True",
        "1005,2021-01-08T00:00:01.005Z,6,100.4,0.2,True");

    try (RecordedTradesReader reader = new RecordedTradesReader(file, "X")) {
      List<Trade> trades = new ArrayList<>();
      reader.forEachRemaining(trades::add);

      assertEquals(List.of(1L, 6L), trades.stream().map(Trade::tradeId).toList());
      assertEquals(4, reader.skippedLines());
    }
  }

  @Test
  void missingFileIsRejectedWithItsPath() {
    Path missing = temporary.resolve("no-such-trades.csv");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new RecordedTradesReader(missing, "X"));
    assertTrue(error.getMessage().contains("not found"), error.getMessage());
    assertTrue(error.getMessage().contains("no-such-trades.csv"), error.getMessage());
  }

  @Test
  void fileWithAnotherHeaderIsRejected() throws IOException {
    Path quotes = write(RecordedQuotesReader.HEADER);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new RecordedTradesReader(quotes, "X"));
    assertTrue(error.getMessage().contains("header"), error.getMessage());
  }

  @Test
  void readerIsLazyAndCanBeClosedEarly() {
    RecordedTradesReader reader = new RecordedTradesReader(TRADES, "BTCUSDT");
    assertEquals(553287559L, reader.next().tradeId());

    reader.close();

    assertFalse(reader.hasNext());
  }

  private Path write(String... lines) throws IOException {
    return Files.write(temporary.resolve("trades.csv"), List.of(lines));
  }
}
