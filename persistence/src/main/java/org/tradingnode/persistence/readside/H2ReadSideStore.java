package org.tradingnode.persistence.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.h2.jdbcx.JdbcConnectionPool;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;

/**
 * The read side in H2 tables of the embedded journal's database (schema {@code schema/h2-read-side.sql},
 * created when missing). Offsets are the journal's ordering numbers ({@link Sequence}). A batch of events
 * and its offset are committed in one transaction, so on H2 every event is applied exactly once. JDBC
 * calls run on the given executor, never on the caller's thread.
 */
public final class H2ReadSideStore implements ReadSideStore, AutoCloseable {
  private static final int MAX_CONNECTIONS = 4;

  private final JdbcConnectionPool pool;
  private final Executor blocking;

  private H2ReadSideStore(JdbcConnectionPool pool, Executor blocking) {
    this.pool = pool;
    this.blocking = blocking;
  }

  /** Connects to the database and creates the read side's tables when they are missing. */
  public static H2ReadSideStore open(String jdbcUrl, String user, String password, Executor blocking) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
    pool.setMaxConnections(MAX_CONNECTIONS);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("RUNSCRIPT FROM 'classpath:/schema/h2-read-side.sql'");
    } catch (SQLException e) {
      pool.dispose();
      throw failure("create the read side's tables at " + jdbcUrl, e);
    }
    return new H2ReadSideStore(pool, blocking);
  }

  @Override
  public CompletionStage<Offset> offset(String tag) {
    return inConnection(connection -> {
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT journal_ordering FROM read_side_offset WHERE tag = ?")) {
        s.setString(1, tag);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Offset.sequence(r.getLong(1)) : Offset.noOffset();
        }
      }
    });
  }

  @Override
  public CompletionStage<Done> update(String tag, Offset offset, Consumer<ReadSideRows> changes) {
    Long ordering = ordering(offset);
    return inConnection(connection -> {
      connection.setAutoCommit(false);
      try {
        changes.accept(new H2Rows(connection));
        storeOffset(connection, tag, ordering);
        connection.commit();
        return Done.getInstance();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    });
  }

  @Override
  public CompletionStage<List<StrategyRow>> strategies() {
    return inConnection(connection -> {
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT " + ReadSideRows.STRATEGY_COLUMNS + " FROM read_side_strategy")) {
        List<StrategyRow> strategies = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            strategies.add(H2Rows.strategyOf(r));
          }
        }
        return strategies;
      }
    });
  }

  @Override
  public CompletionStage<List<Order>> orders(OrderFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT " + ReadSideRows.ORDER_COLUMNS + " FROM read_side_order WHERE status IN (");
    List<String> parameters = new ArrayList<>();
    for (OrderStatus status : filter.statuses()) {
      sql.append(parameters.isEmpty() ? "?" : ", ?");
      parameters.add(status.name());
    }
    sql.append(parameters.isEmpty() ? "NULL)" : ")");
    if (filter.strategyId() != null) {
      sql.append(" AND strategy_id = ?");
      parameters.add(filter.strategyId());
    }
    if (filter.account() != null) {
      sql.append(" AND account = ?");
      parameters.add(filter.account());
    }
    return inConnection(connection -> {
      try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
        for (int i = 0; i < parameters.size(); i++) {
          s.setString(i + 1, parameters.get(i));
        }
        List<Order> orders = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            orders.add(H2Rows.orderOf(r));
          }
        }
        return orders;
      }
    });
  }

  @Override
  public CompletionStage<List<PositionRow>> positions(Optional<String> account) {
    return inConnection(connection -> {
      String sql = "SELECT " + ReadSideRows.POSITION_COLUMNS + " FROM read_side_position"
          + (account.isPresent() ? " WHERE account = ?" : "");
      try (PreparedStatement s = connection.prepareStatement(sql)) {
        if (account.isPresent()) {
          s.setString(1, account.get());
        }
        List<PositionRow> positions = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            positions.add(H2Rows.positionOf(r));
          }
        }
        return positions;
      }
    });
  }

  @Override
  public CompletionStage<List<Fill>> fills(String strategyId) {
    return inConnection(connection -> {
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT " + ReadSideRows.FILL_COLUMNS + " FROM read_side_fill WHERE strategy_id = ?")) {
        s.setString(1, strategyId);
        List<Fill> fills = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            fills.add(H2Rows.fillOf(r));
          }
        }
        return fills;
      }
    });
  }

  /** Closes the store's connections; the database stays open for the journal's own connections. */
  @Override
  public void close() {
    pool.dispose();
  }

  static IllegalStateException failure(String what, SQLException cause) {
    return new IllegalStateException("read side cannot " + what + ": " + cause.getMessage(), cause);
  }

  /** The journal ordering number of the offset; null for no offset, which means: start from the beginning. */
  private static Long ordering(Offset offset) {
    if (offset instanceof Sequence sequence) {
      return sequence.value();
    }
    if (offset.equals(Offset.noOffset())) {
      return null;
    }
    throw new IllegalArgumentException("the H2 read side takes journal ordering offsets, not " + offset);
  }

  private static void storeOffset(Connection connection, String tag, Long ordering) throws SQLException {
    String sql = ordering == null ? "DELETE FROM read_side_offset WHERE tag = ?"
        : "MERGE INTO read_side_offset (tag, journal_ordering) KEY (tag) VALUES (?, ?)";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, tag);
      if (ordering != null) {
        s.setLong(2, ordering);
      }
      s.executeUpdate();
    }
  }

  private <T> CompletionStage<T> inConnection(SqlWork<T> work) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection connection = pool.getConnection()) {
        return work.apply(connection);
      } catch (SQLException e) {
        throw failure("run a query", e);
      }
    }, blocking);
  }

  /** Work on one connection. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }
}
