package org.tradingnode.core.domain.marketdata;

import java.math.BigDecimal;

/**
 * Converts between prices and whole numbers of ticks, so that generated prices are exactly the
 * doubles a venue would print (e.g. {@code 0.3}, not {@code 0.30000000000000004}).
 */
final class TickGrid {

  private final BigDecimal tickSize;
  private final double tick;

  TickGrid(double tickSize) {
    if (!(tickSize > 0) || Double.isInfinite(tickSize)) {
      throw new IllegalArgumentException("tick size must be positive: " + tickSize);
    }
    this.tickSize = BigDecimal.valueOf(tickSize);
    this.tick = tickSize;
  }

  double price(long ticks) {
    return tickSize.multiply(BigDecimal.valueOf(ticks)).doubleValue();
  }

  /** The number of whole ticks at or below {@code price}. */
  long ticksAtOrBelow(double price) {
    return (long) Math.floor(price / tick + 1e-9);
  }

  double tickSize() {
    return tick;
  }
}
