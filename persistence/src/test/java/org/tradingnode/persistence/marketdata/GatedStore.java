package org.tradingnode.persistence.marketdata;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.tradingnode.core.domain.market.MarketEvent;

/** A store in front of another that holds every write back until its gate opens: a store that has stalled. */
final class GatedStore implements MarketDataStore {
  private final MarketDataStore behind;
  private final CompletableFuture<Done> gate = new CompletableFuture<>();

  GatedStore(MarketDataStore behind) {
    this.behind = behind;
  }

  void open() {
    gate.complete(Done.getInstance());
  }

  boolean isOpen() {
    return gate.isDone();
  }

  @Override
  public CompletionStage<Done> write(List<MarketRecord> batch) {
    return gate.thenCompose(open -> behind.write(batch));
  }

  @Override
  public Source<MarketEvent, NotUsed> replay(String venue, String symbol, Instant from, Instant to) {
    return behind.replay(venue, symbol, from, to);
  }

  @Override
  public long skippedRecords() {
    return behind.skippedRecords();
  }
}
