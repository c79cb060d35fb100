package org.tradingnode.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tradingnode.core.domain.market.OrderBook;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessages;

/**
 * Bybit's recorded {@code orderbook.500.XRPUSDT} messages of 2024-12-01 in the shared data: one
 * snapshot, then 49 deltas with consecutive {@code u} (market_data/bybit/2024-12-01_XRPUSDT_ob500.jsonl).
 */
public final class RecordedBybitBook {
  /** The recording's topic. */
  public static final String TOPIC = "orderbook.500.XRPUSDT";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> frames;

  private RecordedBybitBook(List<String> frames) {
    this.frames = frames;
  }

  /** Reads the recording. */
  public static RecordedBybitBook load() {
    Path path = SharedData.file("market_data/bybit/2024-12-01_XRPUSDT_ob500.jsonl");
    try {
      return new RecordedBybitBook(Files.readAllLines(path).stream().filter(line -> !line.isBlank()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The recorded frame at {@code index}; 0 is the snapshot. */
  public String frame(int index) {
    return frames.get(index);
  }

  /** How many frames were recorded. */
  public int size() {
    return frames.size();
  }

  /** The recorded frame at {@code index}, decoded. */
  public BookUpdate update(int index) {
    return (BookUpdate) BybitPublicMessages.parse(frame(index));
  }

  /** The book after the snapshot and every delta up to and including frame {@code lastIndex}. */
  public OrderBook bookThrough(int lastIndex) {
    OrderBook book = new OrderBook();
    for (int i = 0; i <= lastIndex; i++) {
      book.apply(update(i).delta());
    }
    return book;
  }

  /**
   * A snapshot frame of the book as it stands after frame {@code index}: what a new subscription at
   * that moment is answered with. The envelope (ts, cts, u, seq) is that of frame {@code index}.
   */
  public String snapshotFrameAfter(int index) {
    OrderBook book = bookThrough(index);
    try {
      ObjectNode recorded = (ObjectNode) JSON.readTree(frame(index));
      ObjectNode data = (ObjectNode) recorded.get("data");
      recorded.put("type", "snapshot");
      data.set("b", levels(book.bidLevels(Integer.MAX_VALUE)));
      data.set("a", levels(book.askLevels(Integer.MAX_VALUE)));
      return JSON.writeValueAsString(recorded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArrayNode levels(List<PriceLevel> levels) {
    ArrayNode array = JSON.createArrayNode();
    for (PriceLevel level : levels) {
      array.addArray().add(BigDecimal.valueOf(level.price()).toPlainString())
          .add(BigDecimal.valueOf(level.size()).toPlainString());
    }
    return array;
  }
}
