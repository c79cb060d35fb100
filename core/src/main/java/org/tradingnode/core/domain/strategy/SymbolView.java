package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.Set;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * What the strategy logic may know of its own book in one symbol: the position, the quantity bought
 * into it since it was last flat, the tags of orders filled since then (e.g. {@code tp-1}), and how
 * many of its orders are still working (intended, approved or open at the venue).
 */
public record SymbolView(
    String symbol,
    BigDecimal positionQuantity,
    BigDecimal averageEntryPrice,
    BigDecimal entryQuantity,
    Set<String> tagsSinceFlat,
    int workingOrders)
    implements CborSerializable {

  public SymbolView {
    tagsSinceFlat = Set.copyOf(tagsSinceFlat);
  }

  public static SymbolView flat(String symbol) {
    return new SymbolView(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), 0);
  }
}
