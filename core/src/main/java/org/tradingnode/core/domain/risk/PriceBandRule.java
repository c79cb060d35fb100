package org.tradingnode.core.domain.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.tradingnode.core.domain.order.OrderIntent;

/** A limit price must lie within the band (a percentage) around the last trade price. */
public final class PriceBandRule implements RiskRule {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Override
  public Optional<Denial> check(OrderIntent intent, AccountExposure exposure, RiskLimits limits, long now) {
    BigDecimal reference = intent.referencePrice();
    if (intent.limitPrice() == null || reference == null || reference.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal deviation = intent.limitPrice().subtract(reference).abs()
        .multiply(HUNDRED).divide(reference, MathContext.DECIMAL64);
    if (deviation.compareTo(limits.priceBandPercent()) > 0) {
      return Optional.of(new Denial(DenyReason.PRICE_BAND,
          "limit " + intent.limitPrice().toPlainString() + " is " + deviation.setScale(2, java.math.RoundingMode.HALF_UP)
              .toPlainString() + "% from last trade " + reference.toPlainString() + ", band "
              + limits.priceBandPercent().toPlainString() + "%"));
    }
    return Optional.empty();
  }
}
