package org.tradingnode.core.domain.risk;

import java.math.BigDecimal;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * Limits of one account. Notionals and the daily loss are in the quote asset; the price band is a
 * percentage of the last trade price; the order rate is per strategy per rolling minute.
 */
public record RiskLimits(
    BigDecimal maxOrderNotional,
    BigDecimal maxPositionNotional,
    BigDecimal maxGrossExposure,
    int maxOpenOrders,
    BigDecimal priceBandPercent,
    int maxOrdersPerMinute,
    BigDecimal dailyLossLimit)
    implements CborSerializable {

  /** Throws with a message naming the first field that makes no sense. */
  public RiskLimits {
    requirePositive(maxOrderNotional, "maxOrderNotional");
    requirePositive(maxPositionNotional, "maxPositionNotional");
    requirePositive(maxGrossExposure, "maxGrossExposure");
    requirePositive(priceBandPercent, "priceBandPercent");
    requirePositive(dailyLossLimit, "dailyLossLimit");
    if (maxOpenOrders <= 0) {
      throw new IllegalArgumentException("maxOpenOrders must be positive");
    }
    if (maxOrdersPerMinute <= 0) {
      throw new IllegalArgumentException("maxOrdersPerMinute must be positive");
    }
  }

  private static void requirePositive(BigDecimal value, String name) {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be a positive number");
    }
  }
}
