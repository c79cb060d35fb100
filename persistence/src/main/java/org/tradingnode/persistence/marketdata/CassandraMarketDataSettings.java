package org.tradingnode.persistence.marketdata;

import com.typesafe.config.Config;
import java.util.regex.Pattern;

/**
 * Where and how recorded market data goes into Cassandra: the keyspace ({@code trading.cassandra.keyspace}),
 * whether the node creates keyspace and table when missing ({@code trading.cassandra.auto-create}) and
 * with which replication factor, how many writes may be in flight at once, and at most how many rows
 * of one partition go into one unlogged batch.
 */
public record CassandraMarketDataSettings(
    String keyspace, boolean autoCreate, int replicationFactor, int writeParallelism, int rowsPerBatch) {
  private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z0-9_]{1,48}");

  public CassandraMarketDataSettings {
    if (!KEYSPACE.matcher(keyspace).matches()) {
      throw new IllegalArgumentException("'" + keyspace + "' is not a Cassandra keyspace name");
    }
    if (replicationFactor < 1 || writeParallelism < 1 || rowsPerBatch < 1) {
      throw new IllegalArgumentException("replication factor, write parallelism and rows per batch must be positive");
    }
  }

  /** The settings of the cassandra profile ({@code trading.cassandra}, {@code trading.market-recording.cassandra}). */
  public static CassandraMarketDataSettings from(Config root) {
    Config cassandra = root.getConfig("trading.cassandra");
    Config recording = root.getConfig("trading.market-recording.cassandra");
    return new CassandraMarketDataSettings(cassandra.getString("keyspace"), cassandra.getBoolean("auto-create"),
        cassandra.getInt("replication-factor"), recording.getInt("write-parallelism"),
        recording.getInt("rows-per-batch"));
  }
}
