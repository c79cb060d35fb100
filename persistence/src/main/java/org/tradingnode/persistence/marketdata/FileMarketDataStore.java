package org.tradingnode.persistence.marketdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.FileIO;
import org.apache.pekko.stream.javadsl.Framing;
import org.apache.pekko.stream.javadsl.FramingTruncation;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * Recorded market data in append-only files, one per venue, symbol and UTC day of the event time:
 * {@code <root>/<venue>/<symbol>/<yyyy-MM-dd>.jsonl}, one event per line as {@link MarketEventCodec}
 * writes it, in recorded order.
 *
 * <p>Flush policy: each batch is appended with plain {@code write} calls to every file it touches,
 * so when {@link #write} completes the batch is in the operating system and survives a crash or
 * {@code kill -9} of the node. It is not forced to the disk ({@code fsync}): a power loss may lose
 * the last seconds, a price worth paying for market data so that recording never competes with the
 * journal's synchronous commits.
 *
 * <p>Torn records: a crash in the middle of a write leaves a last line without its line feed. The
 * next write to that file first ends the torn line, so new records always start on a line of their
 * own; a replay skips every line that is not a whole record, counts it and logs where it was.
 */
public final class FileMarketDataStore implements MarketDataStore {
  /** Longest line a replay accepts; a book snapshot of 5,000 levels a side stays well below it. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(FileMarketDataStore.class);
  private static final byte LINE_FEED = '\n';

  private final Path root;
  private final Executor blockingIo;
  private final MarketEventCodec codec = new MarketEventCodec();
  private final AtomicLong skipped = new AtomicLong();

  /** A store under {@code root}, writing on {@code blockingIo}. */
  public FileMarketDataStore(Path root, Executor blockingIo) {
    this.root = root.toAbsolutePath().normalize();
    this.blockingIo = blockingIo;
  }

  /** A store under {@code root} writing on the system's dispatcher for blocking work. */
  public static FileMarketDataStore create(ActorSystem<?> system, Path root) {
    return new FileMarketDataStore(root, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  /** The file of one venue, symbol and day. */
  public Path fileOf(String venue, String symbol, LocalDate day) {
    MarketRecord.requireName("venue", venue);
    MarketRecord.requireName("symbol", symbol);
    return root.resolve(venue).resolve(symbol).resolve(day + ".jsonl");
  }

  @Override
  public CompletionStage<Done> write(List<MarketRecord> batch) {
    return CompletableFuture.supplyAsync(() -> {
      append(batch);
      return Done.getInstance();
    }, blockingIo);
  }

  private synchronized void append(List<MarketRecord> batch) {
    Map<Path, ByteArrayOutputStream> linesByFile = new LinkedHashMap<>();
    for (MarketRecord record : batch) {
      ByteArrayOutputStream lines = linesByFile.computeIfAbsent(
          fileOf(record.venue(), record.symbol(), record.day()), file -> new ByteArrayOutputStream());
      lines.writeBytes(codec.encode(record.event()));
      lines.write(LINE_FEED);
    }
    linesByFile.forEach((file, lines) -> appendTo(file, lines.toByteArray()));
  }

  private void appendTo(Path file, byte[] lines) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        long size = channel.size();
        channel.position(size);
        if (size > 0 && !endsWithLineFeed(channel, size)) {
          log.warn("{} ends in a torn record (a crash while writing); it stays skipped on replay", file);
          writeFully(channel, ByteBuffer.wrap(new byte[] {LINE_FEED}));
        }
        writeFully(channel, ByteBuffer.wrap(lines));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append market data to " + file, e);
    }
  }

  private static boolean endsWithLineFeed(FileChannel channel, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    return last.get(0) == LINE_FEED;
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  @Override
  public Source<MarketEvent, NotUsed> replay(String venue, String symbol, Instant from, Instant to) {
    long fromMillis = from.toEpochMilli();
    long toMillis = to.toEpochMilli();
    List<Path> files = ReplayDays.between(from, to).stream().map(day -> fileOf(venue, symbol, day)).toList();
    return Source.from(files)
        .flatMapConcat(this::readFile)
        .filter(event -> event.timestamp() >= fromMillis && event.timestamp() < toMillis);
  }

  private Source<MarketEvent, NotUsed> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Source.empty();
    }
    return FileIO.fromPath(file)
        .via(Framing.delimiter(ByteString.fromArray(new byte[] {LINE_FEED}), MAX_LINE_BYTES,
            FramingTruncation.ALLOW))
        .zipWithIndex()
        .mapConcat(numbered -> decodeOrSkip(file, numbered))
        .mapMaterializedValue(io -> NotUsed.getInstance());
  }

  private List<MarketEvent> decodeOrSkip(Path file, Pair<ByteString, Long> numbered) {
    try {
      return List.of(codec.decode(numbered.first().toArrayUnsafe()));
    } catch (IllegalArgumentException e) {
      long total = skipped.incrementAndGet();
      log.warn("skipped an unreadable market data record at {} line {} ({} skipped so far): {}", file,
          numbered.second() + 1, total, e.getMessage());
      return List.of();
    }
  }

  @Override
  public long skippedRecords() {
    return skipped.get();
  }

  @Override
  public String toString() {
    return "files under " + root;
  }
}
