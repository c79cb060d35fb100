package org.tradingnode.core.domain.portfolio;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * Net quantity in one symbol with its average entry price, realized PnL and fees paid. Long
 * positions are positive. A fill against the position realizes PnL on the closed part at the
 * average entry; a fill through zero opens the rest at the fill price.
 */
public record Position(
    String symbol,
    BigDecimal quantity,
    BigDecimal averageEntryPrice,
    BigDecimal realizedPnl,
    BigDecimal fees)
    implements CborSerializable {

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  public static Position flat(String symbol) {
    return new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  public boolean isFlat() {
    return quantity.signum() == 0;
  }

  /** The position after the fill; money is rounded to {@code moneyScale} decimals (the quote tick). */
  public Position apply(Fill fill, int moneyScale) {
    BigDecimal signed = fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate();
    BigDecimal newQuantity = quantity.add(signed);
    BigDecimal newFees = fees.add(fill.fee());
    if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
      BigDecimal cost = averageEntryPrice.multiply(quantity.abs()).add(fill.price().multiply(fill.quantity()));
      BigDecimal average = cost.divide(newQuantity.abs(), PRECISION);
      return new Position(symbol, newQuantity, average, realizedPnl, newFees);
    }
    BigDecimal closed = fill.quantity().min(quantity.abs());
    BigDecimal perUnit = fill.price().subtract(averageEntryPrice).multiply(BigDecimal.valueOf(quantity.signum()));
    BigDecimal realized = realizedPnl.add(perUnit.multiply(closed)).setScale(moneyScale, RoundingMode.HALF_EVEN);
    BigDecimal average;
    if (newQuantity.signum() == 0) {
      average = BigDecimal.ZERO;
    } else if (newQuantity.signum() == quantity.signum()) {
      average = averageEntryPrice;
    } else {
      average = fill.price();
    }
    return new Position(symbol, newQuantity, average, realized, newFees);
  }

  /** Profit or loss of the open quantity if it were closed at {@code markPrice}. */
  public BigDecimal unrealizedPnl(BigDecimal markPrice, int moneyScale) {
    if (isFlat() || markPrice == null) {
      return BigDecimal.ZERO.setScale(moneyScale);
    }
    return markPrice.subtract(averageEntryPrice).multiply(quantity).setScale(moneyScale, RoundingMode.HALF_EVEN);
  }

  /** Realized PnL net of fees. */
  public BigDecimal netRealizedPnl() {
    return realizedPnl.subtract(fees);
  }

  public BigDecimal notional(BigDecimal markPrice) {
    return quantity.abs().multiply(markPrice);
  }
}
