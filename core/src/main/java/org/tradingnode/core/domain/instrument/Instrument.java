package org.tradingnode.core.domain.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * A tradable pair on one venue with the venue's price tick, quantity lot and minimum notional.
 * Every price and quantity that reaches an order is rounded here.
 */
public record Instrument(
    String exchange,
    String symbol,
    String baseAsset,
    String quoteAsset,
    BigDecimal tickSize,
    BigDecimal lotSize,
    BigDecimal minNotional)
    implements CborSerializable {

  public Instrument {
    if (tickSize.signum() <= 0 || lotSize.signum() <= 0 || minNotional.signum() < 0) {
      throw new IllegalArgumentException("tick and lot must be positive, min notional not negative: " + symbol);
    }
  }

  /** {@code exchange:symbol}, the id of the symbol entity. */
  public String id() {
    return exchange + ":" + symbol;
  }

  public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
    return roundToStep(price, tickSize, mode);
  }

  /** Quantities round down: never trade more than asked. */
  public BigDecimal roundQuantity(BigDecimal quantity) {
    return roundToStep(quantity, lotSize, RoundingMode.DOWN);
  }

  public BigDecimal roundPrice(double price, RoundingMode mode) {
    return roundPrice(BigDecimal.valueOf(price), mode);
  }

  public boolean isOnTick(BigDecimal price) {
    return price.remainder(tickSize).signum() == 0;
  }

  public boolean isOnLot(BigDecimal quantity) {
    return quantity.remainder(lotSize).signum() == 0;
  }

  /** Price times quantity, in the quote asset, at the tick's precision. */
  public BigDecimal notional(BigDecimal price, BigDecimal quantity) {
    return price.multiply(quantity).setScale(tickSize.scale() + lotSize.scale(), RoundingMode.HALF_EVEN);
  }

  private static BigDecimal roundToStep(BigDecimal value, BigDecimal step, RoundingMode mode) {
    BigDecimal steps = value.divide(step, 0, mode);
    return steps.multiply(step).setScale(Math.max(step.stripTrailingZeros().scale(), 0), RoundingMode.UNNECESSARY);
  }
}
