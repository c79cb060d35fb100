package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import org.tradingnode.core.domain.instrument.Instrument;

/**
 * The Binance filters of a listed symbol, built from its instrument: PRICE_FILTER (tick size),
 * LOT_SIZE (step size, the minimum is one step) and NOTIONAL (minimum notional, also applied to
 * market orders at the book's mid price). The upper bounds are wide; Binance lists them too.
 * {@code exchangeInfo} shows exactly what the checks here enforce.
 */
record SymbolRules(Instrument instrument) {
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
  static final BigDecimal MAX_QUANTITY = new BigDecimal("9000");
  static final BigDecimal MAX_NOTIONAL = new BigDecimal("9000000");

  void checkPrice(BigDecimal price) {
    if (price.compareTo(instrument.tickSize()) < 0 || price.compareTo(MAX_PRICE) > 0 || !instrument.isOnTick(price)) {
      throw BinanceError.filterFailure("PRICE_FILTER");
    }
  }

  void checkQuantity(BigDecimal quantity) {
    if (quantity.compareTo(instrument.lotSize()) < 0 || quantity.compareTo(MAX_QUANTITY) > 0
        || !instrument.isOnLot(quantity)) {
      throw BinanceError.filterFailure("LOT_SIZE");
    }
  }

  void checkNotional(BigDecimal price, BigDecimal quantity) {
    BigDecimal notional = price.multiply(quantity);
    if (notional.compareTo(instrument.minNotional()) < 0 || notional.compareTo(MAX_NOTIONAL) > 0) {
      throw BinanceError.filterFailure("NOTIONAL");
    }
  }
}
