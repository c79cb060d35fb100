package org.tradingnode.http.simulator;

import java.math.BigDecimal;

/** One fill of an account's order, as {@code myTrades} and the FULL order response show it. */
record AccountTrade(
    String symbol,
    long id,
    long orderId,
    BigDecimal price,
    BigDecimal qty,
    BigDecimal commission,
    String commissionAsset,
    long time,
    boolean buyer,
    boolean maker) {

  BigDecimal quoteQty() {
    return price.multiply(qty);
  }
}
