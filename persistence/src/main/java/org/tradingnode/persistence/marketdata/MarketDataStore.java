package org.tradingnode.persistence.marketdata;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * Where recorded market data lives: files under the data directory ({@link FileMarketDataStore}) or a
 * Cassandra table ({@link CassandraMarketDataStore}). Records are kept per venue, symbol and UTC day
 * of their event time, each day in the order they were written.
 */
public interface MarketDataStore {

  /**
   * Appends a batch, in its order. The stage completes when the batch is stored; a failed stage
   * means the batch may be partly stored. Callers write one batch at a time.
   */
  CompletionStage<Done> write(List<MarketRecord> batch);

  /**
   * The events of one venue and symbol with {@code from <= timestamp < to}: the days in order, each
   * day in recorded order. Records that cannot be read (a torn last line after a crash) are skipped,
   * logged and counted in {@link #skippedRecords()}.
   */
  Source<MarketEvent, NotUsed> replay(String venue, String symbol, Instant from, Instant to);

  /** How many unreadable records replays of this store have skipped so far. */
  long skippedRecords();
}
