package org.tradingnode.persistence.marketdata;

import java.util.List;

/**
 * The CQL of recorded market data, as conf/cql/market-data.cql ships it for operators: one row per
 * event, partitioned by venue, symbol and UTC day of the event time, clustered by the recorder's
 * sequence number so that a partition reads back in recorded order (event times of one stream may
 * step back: a venue stamps its trades, the node stamps the quotes it receives). Time windows of one
 * day suit a table that is only appended to, day by day.
 */
final class MarketDataSchema {
  static final String TABLE = "market_events";

  private MarketDataSchema() {}

  /** Creates the keyspace (simple strategy) and the table when missing. */
  static List<String> createStatements(String keyspace, int replicationFactor) {
    return List.of(
        "CREATE KEYSPACE IF NOT EXISTS " + keyspace
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}",
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + TABLE + " ("
            + "venue text, symbol text, day date, seq bigint, event_time timestamp, payload text, "
            + "PRIMARY KEY ((venue, symbol, day), seq)) "
            + "WITH CLUSTERING ORDER BY (seq ASC) "
            + "AND compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': 'DAYS', "
            + "'compaction_window_size': 1}");
  }

  static String insert(String keyspace) {
    return "INSERT INTO " + keyspace + "." + TABLE + " (venue, symbol, day, seq, event_time, payload) "
        + "VALUES (?, ?, ?, ?, ?, ?)";
  }

  static String selectDay(String keyspace) {
    return "SELECT event_time, payload FROM " + keyspace + "." + TABLE
        + " WHERE venue = ? AND symbol = ? AND day = ?";
  }
}
