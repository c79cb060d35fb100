package org.tradingnode.core.domain.market;

/** Best bid and ask with their sizes (a venue's book ticker). */
public record Quote(String symbol, long timestamp, double bidPrice, double bidSize, double askPrice, double askSize)
    implements MarketEvent {

  public double mid() {
    return (bidPrice + askPrice) / 2.0;
  }
}
