package org.tradingnode.core.domain.market;

import org.tradingnode.core.domain.order.Side;

/** A public trade; {@code aggressor} is the taker's side. */
public record Trade(String symbol, long timestamp, long tradeId, double price, double quantity, Side aggressor)
    implements MarketEvent {}
