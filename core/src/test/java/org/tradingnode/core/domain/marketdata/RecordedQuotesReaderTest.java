package org.tradingnode.core.domain.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.testing.SharedData;

class RecordedQuotesReaderTest {

  static final Path QUOTES = SharedData.file("market_data/binance/BTCUSDT-quotes-2021-01-08.csv");

  @TempDir Path temporary;

  @Test
  void readsAllQuotesOfTheRecordedBinanceFile() {
    try (RecordedQuotesReader reader = new RecordedQuotesReader(QUOTES, "BTCUSDT")) {
      List<Quote> quotes = new ArrayList<>();
      reader.forEachRemaining(quotes::add);

      assertEquals(451, quotes.size());
      assertEquals(0, reader.skippedLines());
      Quote first = new Quote("BTCUSDT", 1610064001076L, 39432.99, 0.0031, 39433.62, 0.066851);
      assertEquals(first, quotes.get(0));
      assertTrue(quotes.stream().allMatch(quote -> quote.bidPrice() < quote.askPrice()));
    }
  }

  @Test
  void askAndBidColumnsAreNotSwapped() {
    Quote second = RecordedQuotesReader.readAll(QUOTES, "BTCUSDT").get(1);

    assertEquals(39432.33, second.bidPrice());
    assertEquals(2.0, second.bidSize());
    assertEquals(39433.6, second.askPrice());
    assertEquals(0.018027, second.askSize());
  }

  @Test
  void unparseableLinesAreSkippedAndCounted() throws IOException {
    Path file = Files.write(temporary.resolve("quotes.csv"), List.of(
        RecordedQuotesReader.HEADER,
        "1000,2021-01-08T00:00:01.000Z,BTC/USDT,1,101,2,100",
        "1001,2021-01-08T00:00:01.001Z,BTC/USDT,1,101,2",
        "1002,2021-01-08T00:00:01.002Z,BTC/USDT,-1,101,2,100",
        "x,2021-01-08T00:00:01.003Z,BTC/USDT,1,101,2,100",
        "1004,2021-01-08T00:00:01.004Z,BTC/USDT,1,102,2,101"));

    try (RecordedQuotesReader reader = new RecordedQuotesReader(file, "BTCUSDT")) {
      List<Quote> quotes = new ArrayList<>();
      reader.forEachRemaining(quotes::add);

      assertEquals(List.of(1000L, 1004L), quotes.stream().map(Quote::timestamp).toList());
      assertEquals(3, reader.skippedLines());
    }
  }

  @Test
  void missingFileIsRejectedWithItsPath() {
    Path missing = temporary.resolve("no-such-quotes.csv");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new RecordedQuotesReader(missing, "X"));
    assertTrue(error.getMessage().contains("no-such-quotes.csv"), error.getMessage());
  }
}
