package org.tradingnode.core.domain.paper;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Fill;

/** How a spot fill moves balances: base in or out, quote out or in, the fee always out of the quote. */
public final class SpotBalances {
  private SpotBalances() {}

  /** Applies the fill to the mutable map. */
  public static void applyFill(Map<String, BigDecimal> balances, Instrument instrument, Fill fill) {
    applyFill(balances, instrument.baseAsset(), instrument.quoteAsset(), fill);
  }

  /** As {@link #applyFill(Map, Instrument, Fill)}, with the instrument's two assets named. */
  public static void applyFill(Map<String, BigDecimal> balances, String baseAsset, String quoteAsset, Fill fill) {
    BigDecimal notional = fill.notional();
    boolean buy = fill.side().sign() > 0;
    balances.merge(baseAsset, buy ? fill.quantity() : fill.quantity().negate(), BigDecimal::add);
    BigDecimal quoteChange = buy ? notional.add(fill.fee()).negate() : notional.subtract(fill.fee());
    balances.merge(quoteAsset, quoteChange, BigDecimal::add);
  }

  /** The balances after the fill, leaving the given map alone. */
  public static Map<String, BigDecimal> afterFill(Map<String, BigDecimal> balances, Instrument instrument, Fill fill) {
    Map<String, BigDecimal> next = new HashMap<>(balances);
    applyFill(next, instrument, fill);
    return Map.copyOf(next);
  }
}
