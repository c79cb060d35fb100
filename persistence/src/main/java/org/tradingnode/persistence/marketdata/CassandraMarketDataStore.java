package org.tradingnode.persistence.marketdata;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * Recorded market data in the Cassandra table of {@link MarketDataSchema}, through the Java driver on
 * the session pekko-persistence-cassandra already keeps for the journal (one session per node).
 * A batch's rows are numbered in order by {@link RecordSequence}, grouped by partition into unlogged
 * batches (never across partitions; at most {@code rows-per-batch} rows and about 4 KiB, under
 * Cassandra's batch size warning) and written with prepared statements, at most
 * {@code write-parallelism} at once. Keyspace and table are created on first use when
 * {@code auto-create} is on; a failed preparation is tried again on the next write.
 */
public final class CassandraMarketDataStore implements MarketDataStore {
  /** The config path of the session pekko-persistence-cassandra uses. */
  public static final String SESSION_CONFIG_PATH = "pekko.persistence.cassandra";
  private static final int MAX_BATCH_BYTES = 4 * 1024;
  private static final Logger log = LoggerFactory.getLogger(CassandraMarketDataStore.class);

  private final ActorSystem<?> system;
  private final Supplier<CompletionStage<CqlSession>> sessions;
  private final CassandraMarketDataSettings settings;
  private final RecordSequence sequence;
  private final MarketEventCodec codec = new MarketEventCodec();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicReference<CompletableFuture<Prepared>> prepared = new AtomicReference<>();

  private record Prepared(CqlSession session, PreparedStatement insert, PreparedStatement selectDay) {}

  /** A store on {@code sessions}, numbering rows with {@code clock}. */
  public CassandraMarketDataStore(ActorSystem<?> system, Supplier<CompletionStage<CqlSession>> sessions,
      CassandraMarketDataSettings settings, Clock clock) {
    this.system = system;
    this.sessions = sessions;
    this.settings = settings;
    this.sequence = new RecordSequence(clock);
  }

  /**
   * A store on the node's session, the one of {@value #SESSION_CONFIG_PATH}. The registry keeps the
   * session of the first caller with that caller's start-up step, and pekko-persistence-cassandra
   * creates the journal's keyspaces in its own step: its read journal is looked up first so that the
   * session is always started the plugin's way, whoever asks for it first.
   */
  public static CassandraMarketDataStore create(ActorSystem<?> system, CassandraMarketDataSettings settings) {
    PersistenceQuery.get(system).getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
    var session = CassandraSessionRegistry.get(system).sessionFor(CassandraSessionSettings.create(SESSION_CONFIG_PATH));
    return new CassandraMarketDataStore(system, session::underlying, settings, Clock.systemUTC());
  }

  @Override
  public CompletionStage<Done> write(List<MarketRecord> batch) {
    return prepared().thenCompose(p -> Source.from(statementsFor(p, batch))
        .mapAsyncUnordered(settings.writeParallelism(), statement -> p.session().executeAsync(statement))
        .runWith(Sink.ignore(), system));
  }

  /** The batch's rows in order, grouped per partition into unlogged batches. */
  private List<Statement<?>> statementsFor(Prepared p, List<MarketRecord> batch) {
    Map<List<Object>, List<Pair<BatchableStatement<?>, Integer>>> rowsByPartition = new LinkedHashMap<>();
    for (MarketRecord record : batch) {
      LocalDate day = record.day();
      String payload = new String(codec.encode(record.event()), StandardCharsets.UTF_8);
      BatchableStatement<?> row = p.insert().bind(record.venue(), record.symbol(), day, sequence.next(),
          Instant.ofEpochMilli(record.event().timestamp()), payload).setIdempotent(true);
      rowsByPartition.computeIfAbsent(List.of(record.venue(), record.symbol(), day), key -> new ArrayList<>())
          .add(Pair.create(row, payload.length()));
    }
    List<Statement<?>> statements = new ArrayList<>();
    for (List<Pair<BatchableStatement<?>, Integer>> rows : rowsByPartition.values()) {
      List<BatchableStatement<?>> chunk = new ArrayList<>();
      int chunkBytes = 0;
      for (Pair<BatchableStatement<?>, Integer> row : rows) {
        boolean full = chunk.size() == settings.rowsPerBatch() || chunkBytes + row.second() > MAX_BATCH_BYTES;
        if (!chunk.isEmpty() && full) {
          statements.add(asStatement(chunk));
          chunk = new ArrayList<>();
          chunkBytes = 0;
        }
        chunk.add(row.first());
        chunkBytes += row.second();
      }
      statements.add(asStatement(chunk));
    }
    return statements;
  }

  private static Statement<?> asStatement(List<BatchableStatement<?>> chunk) {
    if (chunk.size() == 1) {
      return chunk.get(0);
    }
    return BatchStatement.newInstance(BatchType.UNLOGGED, chunk).setIdempotent(true);
  }

  @Override
  public Source<MarketEvent, NotUsed> replay(String venue, String symbol, Instant from, Instant to) {
    MarketRecord.requireName("venue", venue);
    MarketRecord.requireName("symbol", symbol);
    return Source.from(ReplayDays.between(from, to))
        .flatMapConcat(day -> Source.completionStage(prepared())
            .flatMapConcat(p -> rows(p.session(), p.selectDay().bind(venue, symbol, day))))
        .filter(row -> !row.getInstant("event_time").isBefore(from) && row.getInstant("event_time").isBefore(to))
        .mapConcat(this::decodeOrSkip);
  }

  /** Every row of a query, page by page, each page fetched when the previous one is used up. */
  private static Source<Row, NotUsed> rows(CqlSession session, Statement<?> query) {
    Optional<Supplier<CompletionStage<AsyncResultSet>>> first = Optional.of(() -> session.executeAsync(query));
    return Source.unfoldAsync(first, next -> {
      if (next.isEmpty()) {
        return CompletableFuture.completedFuture(Optional.<Pair<Optional<Supplier<CompletionStage<AsyncResultSet>>>,
            Iterable<Row>>>empty());
      }
      return next.get().get().thenApply(page -> {
        Optional<Supplier<CompletionStage<AsyncResultSet>>> following =
            page.hasMorePages() ? Optional.of(page::fetchNextPage) : Optional.empty();
        return Optional.of(Pair.create(following, page.currentPage()));
      });
    }).mapConcat(page -> page);
  }

  private List<MarketEvent> decodeOrSkip(Row row) {
    try {
      return List.of(codec.decode(row.getString("payload")));
    } catch (IllegalArgumentException e) {
      long total = skipped.incrementAndGet();
      log.warn("skipped an unreadable market data row at {} ({} skipped so far): {}", row.getInstant("event_time"),
          total, e.getMessage());
      return List.of();
    }
  }

  @Override
  public long skippedRecords() {
    return skipped.get();
  }

  private CompletionStage<Prepared> prepared() {
    CompletableFuture<Prepared> current = prepared.get();
    if (current != null) {
      return current;
    }
    CompletableFuture<Prepared> fresh = new CompletableFuture<>();
    if (!prepared.compareAndSet(null, fresh)) {
      return prepared.get();
    }
    sessions.get().thenCompose(this::prepare).whenComplete((done, error) -> {
      if (error == null) {
        fresh.complete(done);
      } else {
        prepared.compareAndSet(fresh, null);
        fresh.completeExceptionally(error);
      }
    });
    return fresh;
  }

  private CompletionStage<Prepared> prepare(CqlSession session) {
    CompletionStage<Done> schema = CompletableFuture.completedFuture(Done.getInstance());
    if (settings.autoCreate()) {
      for (String ddl : MarketDataSchema.createStatements(settings.keyspace(), settings.replicationFactor())) {
        schema = schema.thenCompose(done -> session.executeAsync(ddl).thenApply(rs -> Done.getInstance()));
      }
    }
    return schema
        .thenCompose(done -> session.prepareAsync(MarketDataSchema.insert(settings.keyspace())))
        .thenCombine(schema.thenCompose(done -> session.prepareAsync(MarketDataSchema.selectDay(settings.keyspace()))),
            (insert, select) -> new Prepared(session, insert, select));
  }

  @Override
  public String toString() {
    return "Cassandra table " + settings.keyspace() + "." + MarketDataSchema.TABLE;
  }
}
