package org.tradingnode.core.domain.order;

import java.math.BigDecimal;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * One execution of an order at the venue. {@code fillId} is unique per venue account so that a fill
 * reported twice (user stream and reconciliation) is recorded once. The fee is in the quote asset.
 */
public record Fill(
    String fillId,
    String clientOrderId,
    String symbol,
    Side side,
    BigDecimal price,
    BigDecimal quantity,
    BigDecimal fee,
    boolean maker,
    long timestamp)
    implements CborSerializable {

  public BigDecimal notional() {
    return price.multiply(quantity);
  }
}
