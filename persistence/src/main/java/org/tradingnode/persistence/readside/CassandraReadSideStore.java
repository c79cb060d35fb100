package org.tradingnode.persistence.readside;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.TimeBasedUUID;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.persistence.JournalProfile;

/**
 * The read side in Cassandra tables (see {@link CassandraReadSideSchema}) on the session of the
 * Cassandra journal. Offsets are the time-based UUIDs of the Cassandra read journal. Without
 * transactions, delivery is at-least-once: rows first, offset last, and the projection skips what a row
 * already holds. Driver calls run on the given executor. Queries without a partition key (all orders,
 * orders of an account, all positions) read the whole table, as the API did with every strategy.
 */
public final class CassandraReadSideStore implements ReadSideStore {
  private final CassandraSession session;
  private final CassandraReadSideSchema schema;
  private final boolean createSchema;
  private final Executor blocking;
  private final AtomicReference<CompletableFuture<CassandraStatements>> ready = new AtomicReference<>();

  private CassandraReadSideStore(CassandraSession session, CassandraReadSideSchema schema, boolean createSchema,
      Executor blocking) {
    this.session = session;
    this.schema = schema;
    this.createSchema = createSchema;
    this.blocking = blocking;
  }

  /**
   * The store on the Cassandra journal's shared session ({@code pekko.persistence.cassandra}), taken from
   * the read journal: the session is registered once per actor system together with the schema
   * initialisation of whoever asks first, and the read journal registers the journal's own (keyspaces
   * and tables created when auto-create is on). With {@code createSchema} the read side's keyspace and
   * tables are created when missing before the first statement runs.
   */
  public static CassandraReadSideStore open(ActorSystem<?> system, CassandraReadSideSchema schema,
      boolean createSchema, Executor blocking) {
    CassandraSession session = PersistenceQuery.get(system)
        .getReadJournalFor(CassandraReadJournal.class, JournalProfile.CASSANDRA.readJournalPluginId()).session();
    return new CassandraReadSideStore(session, schema, createSchema, blocking);
  }

  @Override
  public CompletionStage<Offset> offset(String tag) {
    return withStatements(cql -> {
      Row row = cql.one("SELECT time_uuid FROM " + schema.table("read_side_offset") + " WHERE tag = ?", tag);
      return row == null || row.getUuid("time_uuid") == null ? Offset.noOffset()
          : Offset.timeBasedUUID(row.getUuid("time_uuid"));
    });
  }

  @Override
  public CompletionStage<Done> update(String tag, Offset offset, Consumer<ReadSideRows> changes) {
    UUID timeUuid = timeUuid(offset);
    return withStatements(cql -> {
      changes.accept(new CassandraRows(cql, schema));
      if (timeUuid == null) {
        cql.write("DELETE FROM " + schema.table("read_side_offset") + " WHERE tag = ?", tag);
      } else {
        cql.write("INSERT INTO " + schema.table("read_side_offset") + " (tag, time_uuid) VALUES (?, ?)", tag,
            timeUuid);
      }
      return Done.getInstance();
    });
  }

  @Override
  public CompletionStage<List<StrategyRow>> strategies() {
    return withStatements(cql -> cql.all("SELECT " + ReadSideRows.STRATEGY_COLUMNS + " FROM "
        + schema.table("read_side_strategy")).stream().map(CassandraRows::strategyOf).toList());
  }

  @Override
  public CompletionStage<List<Order>> orders(OrderFilter filter) {
    return withStatements(cql -> {
      String select = "SELECT " + ReadSideRows.ORDER_COLUMNS + " FROM " + schema.table("read_side_order");
      List<Row> rows = filter.strategyId() == null ? cql.all(select)
          : cql.all(select + " WHERE strategy_id = ?", filter.strategyId());
      return rows.stream().map(CassandraRows::orderOf).filter(filter::matches).toList();
    });
  }

  @Override
  public CompletionStage<List<PositionRow>> positions(Optional<String> account) {
    return withStatements(cql -> {
      String select = "SELECT " + ReadSideRows.POSITION_COLUMNS + " FROM " + schema.table("read_side_position");
      List<Row> rows = account.isEmpty() ? cql.all(select) : cql.all(select + " WHERE account = ?", account.get());
      return rows.stream().map(CassandraRows::positionOf).toList();
    });
  }

  @Override
  public CompletionStage<List<Fill>> fills(String strategyId) {
    return withStatements(cql -> cql.all("SELECT " + ReadSideRows.FILL_COLUMNS + " FROM "
        + schema.table("read_side_fill") + " WHERE strategy_id = ?", strategyId).stream()
        .map(CassandraRows::fillOf).toList());
  }

  /** The time-based UUID of the offset; null for no offset, which means: start from the beginning. */
  private static UUID timeUuid(Offset offset) {
    if (offset instanceof TimeBasedUUID time) {
      return time.value();
    }
    if (offset.equals(Offset.noOffset())) {
      return null;
    }
    throw new IllegalArgumentException("the Cassandra read side takes time-based UUID offsets, not " + offset);
  }

  private <T> CompletionStage<T> withStatements(Function<CassandraStatements, T> work) {
    return statements().thenApplyAsync(work, blocking);
  }

  /** The session with the schema in place; after a failure (Cassandra not up yet) the next call tries again. */
  private CompletionStage<CassandraStatements> statements() {
    CompletableFuture<CassandraStatements> current = ready.get();
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    CompletableFuture<CassandraStatements> next = session.underlying()
        .thenApplyAsync(this::prepared, blocking).toCompletableFuture();
    ready.compareAndSet(current, next);
    return ready.get();
  }

  private CassandraStatements prepared(CqlSession cqlSession) {
    if (createSchema) {
      schema.statements().forEach(cqlSession::execute);
    }
    return new CassandraStatements(cqlSession);
  }
}
