package org.tradingnode.core.domain.market;

/** One L2 price level; size 0 in a delta means the level is gone. */
public record PriceLevel(double price, double size) {}
