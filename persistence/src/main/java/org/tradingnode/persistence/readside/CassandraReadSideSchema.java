package org.tradingnode.persistence.readside;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The read side's keyspace and tables in Cassandra. Operators who create them themselves run
 * {@code conf/cql/read-side.cql}, which holds the same statements for keyspace {@code trading}.
 * Strategies are one row each; orders and fills are partitioned by strategy, positions by account.
 */
public record CassandraReadSideSchema(String keyspace, int replicationFactor) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

  public CassandraReadSideSchema {
    if (!NAME.matcher(keyspace).matches()) {
      throw new IllegalArgumentException("'" + keyspace + "' is not a Cassandra keyspace name");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replication factor must be at least 1, not " + replicationFactor);
    }
  }

  /** {@code keyspace.table}. */
  public String table(String name) {
    return keyspace + "." + name;
  }

  /** The CQL statements that create the keyspace and tables when missing, in order. */
  public List<String> statements() {
    return List.of(
        "CREATE KEYSPACE IF NOT EXISTS " + keyspace
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}",
        "CREATE TABLE IF NOT EXISTS " + table("read_side_offset") + " ("
            + "tag text PRIMARY KEY, "
            + "time_uuid timeuuid)",
        "CREATE TABLE IF NOT EXISTS " + table("read_side_strategy") + " ("
            + "strategy_id text PRIMARY KEY, strategy_type text, account text, exchange text, symbols text, "
            + "params text, status text, status_reason text, status_since bigint, intended bigint, filled bigint, "
            + "canceled bigint, rejected bigint, expired bigint, fills bigint, event_seq bigint)",
        "CREATE TABLE IF NOT EXISTS " + table("read_side_order") + " ("
            + "strategy_id text, client_order_id text, account text, exchange text, symbol text, side text, "
            + "order_type text, quantity decimal, limit_price decimal, reference_price decimal, "
            + "reduce_only boolean, intent_tag text, created_at bigint, status text, filled_quantity decimal, "
            + "average_price decimal, fees decimal, venue_order_id text, reason text, updated_at bigint, "
            + "event_seq bigint, "
            + "PRIMARY KEY ((strategy_id), client_order_id))",
        "CREATE TABLE IF NOT EXISTS " + table("read_side_fill") + " ("
            + "strategy_id text, client_order_id text, fill_id text, account text, symbol text, side text, "
            + "price decimal, quantity decimal, fee decimal, maker boolean, filled_at bigint, event_seq bigint, "
            + "PRIMARY KEY ((strategy_id), client_order_id, fill_id))",
        "CREATE TABLE IF NOT EXISTS " + table("read_side_position") + " ("
            + "account text, strategy_id text, symbol text, quantity decimal, average_entry_price decimal, "
            + "realized_pnl decimal, fees decimal, money_scale int, event_seq bigint, "
            + "PRIMARY KEY ((account), strategy_id, symbol))");
  }
}
