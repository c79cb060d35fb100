package org.tradingnode.core.domain.marketdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.tradingnode.core.domain.market.Quote;

/**
 * Streams the best bid and ask of a recorded Binance quotes CSV ({@value #HEADER}) as {@link
 * Quote} events of a given symbol (the file's own symbol column, e.g. {@code BTC/USDT}, is not
 * used), in file order. Unparseable lines are skipped and counted. Close it when stopping early.
 */
public final class RecordedQuotesReader implements Iterator<Quote>, AutoCloseable {

  /** The exact header line the file must start with. */
  public static final String HEADER =
      "timestamp_ms,timestamp_iso,symbol,ask_size,ask,bid_size,bid";

  private final CsvRecords<Quote> records;

  /** @throws IllegalArgumentException if the file is missing or has another header */
  public RecordedQuotesReader(Path file, String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    this.records =
        new CsvRecords<>(file, "recorded Binance quotes", HEADER, row -> parse(symbol, row));
  }

  /** Reads the whole file into a list. */
  public static List<Quote> readAll(Path file, String symbol) {
    List<Quote> quotes = new ArrayList<>();
    try (RecordedQuotesReader reader = new RecordedQuotesReader(file, symbol)) {
      reader.forEachRemaining(quotes::add);
    }
    return quotes;
  }

  @Override
  public boolean hasNext() {
    return records.hasNext();
  }

  @Override
  public Quote next() {
    return records.next();
  }

  /** Lines skipped so far because they could not be parsed. */
  public int skippedLines() {
    return records.skippedLines();
  }

  @Override
  public void close() {
    records.close();
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
