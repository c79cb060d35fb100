package org.tradingnode.core.domain.marketdata;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tradingnode.core.domain.market.Quote;

/**
 * Streams the best bid and ask of a recorded Binance quotes CSV ({@value #HEADER}) as {@link
 * Quote} events of a given symbol (the file's own symbol column, e.g. {@code BTC/USDT}, is not
 * used), in file order. Unparseable lines are skipped and counted. Close it when stopping early.
 */
public final class RecordedQuotesReader extends CsvRecords<Quote> {

  /** The exact header line the file must start with. */
  public static final String HEADER =
      "timestamp_ms,timestamp_iso,symbol,ask_size,ask,bid_size,bid";

  /** @throws IllegalArgumentException if the file is missing or has another header */
  public RecordedQuotesReader(Path file, String symbol) {
    super(file, "recorded Binance quotes", HEADER, parser(Objects.requireNonNull(symbol, "symbol")));
  }

  /** Reads the whole file into a list. */
  public static List<Quote> readAll(Path file, String symbol) {
    return new RecordedQuotesReader(file, symbol).readRemaining();
  }

  private static java.util.function.Function<String[], Quote> parser(String symbol) {
    return row -> parse(symbol, row);
  }

  private static Quote parse(String symbol, String[] columns) {
    long timestamp = Long.parseLong(columns[0]);
    double askSize = CsvRecords.notNegative(columns[3], "ask_size");
    double ask = CsvRecords.positive(columns[4], "ask");
    double bidSize = CsvRecords.notNegative(columns[5], "bid_size");
    double bid = CsvRecords.positive(columns[6], "bid");
    return new Quote(symbol, timestamp, bid, bidSize, ask, askSize);
  }
}
