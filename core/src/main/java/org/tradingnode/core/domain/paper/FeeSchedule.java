package org.tradingnode.core.domain.paper;

import java.math.BigDecimal;
import org.tradingnode.core.serialization.CborSerializable;

/** Maker and taker fee rates as fractions of notional (0.001 = 10 bps), charged in the quote asset. */
public record FeeSchedule(BigDecimal makerRate, BigDecimal takerRate) implements CborSerializable {
  public FeeSchedule {
    if (makerRate.signum() < 0 || takerRate.signum() < 0) {
      throw new IllegalArgumentException("fee rates may not be negative");
    }
  }

  public BigDecimal rate(boolean maker) {
    return maker ? makerRate : takerRate;
  }
}
