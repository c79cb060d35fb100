package org.tradingnode.core.domain.marketdata;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

/**
 * Streams the trades of a recorded Binance trades CSV ({@value #HEADER}) as {@link Trade} events
 * of a given symbol, in file order. {@code buyer_maker = True} means the buyer's order was resting,
 * so the aggressor sold. Unparseable lines are skipped and counted. Close it when stopping early.
 */
public final class RecordedTradesReader extends CsvRecords<Trade> {

  /** The exact header line the file must start with. */
  public static final String HEADER =
      "timestamp_ms,timestamp_iso,trade_id,price,quantity,buyer_maker";

  /** @throws IllegalArgumentException if the file is missing or has another header */
  public RecordedTradesReader(Path file, String symbol) {
    super(file, "recorded Binance trades", HEADER, parser(Objects.requireNonNull(symbol, "symbol")));
  }

  /** Reads the whole file into a list. */
  public static List<Trade> readAll(Path file, String symbol) {
    return new RecordedTradesReader(file, symbol).readRemaining();
  }

  private static java.util.function.Function<String[], Trade> parser(String symbol) {
    return row -> parse(symbol, row);
  }

  private static Trade parse(String symbol, String[] columns) {
    long timestamp = Long.parseLong(columns[0]);
    long tradeId = Long.parseLong(columns[2]);
    double price = CsvRecords.positive(columns[3], "price");
    double quantity = CsvRecords.positive(columns[4], "quantity");
    Side aggressor = buyerIsMaker(columns[5]) ? Side.SELL : Side.BUY;
    return new Trade(symbol, timestamp, tradeId, price, quantity, aggressor);
  }

  private static boolean buyerIsMaker(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("buyer_maker must be True or False: " + text);
    };
  }
}
