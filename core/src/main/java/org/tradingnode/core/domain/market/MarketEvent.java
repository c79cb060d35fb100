package org.tradingnode.core.domain.market;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * A normalized piece of public market data for one symbol. Prices and sizes are doubles: market
 * data may trade exactness for speed, money in orders and positions never does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Trade.class, name = "trade"),
  @JsonSubTypes.Type(value = Quote.class, name = "quote"),
  @JsonSubTypes.Type(value = BookDelta.class, name = "book-delta"),
  @JsonSubTypes.Type(value = Liquidation.class, name = "liquidation")
})
public sealed interface MarketEvent extends CborSerializable permits Trade, Quote, BookDelta, Liquidation {
  /** Venue symbol, e.g. {@code BTCUSDT}. */
  String symbol();

  /** Event time in epoch milliseconds, UTC. */
  long timestamp();
}
