package org.tradingnode.core.domain.market;

import java.util.List;

/**
 * Changes to L2 price levels; a level with size 0 is removed. {@code firstUpdateId}/{@code lastUpdateId}
 * keep the venue's sequence so that gaps can be detected. A snapshot replaces the whole book.
 */
public record BookDelta(
    String symbol,
    long timestamp,
    long firstUpdateId,
    long lastUpdateId,
    boolean snapshot,
    List<PriceLevel> bids,
    List<PriceLevel> asks)
    implements MarketEvent {

  public BookDelta {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }
}
