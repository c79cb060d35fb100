package org.tradingnode.core.domain.market;

/**
 * A position closed by the venue's liquidation engine, as its public liquidation feed reports it.
 * {@code liquidatedSide} is the side of the position that was closed (a liquidated long is sold into
 * the market, a liquidated short is bought), {@code price} is the price the venue reports for it
 * (Bybit: the bankruptcy price) and {@code quantity} the executed size in base units. A run of these
 * is what a liquidation-cascade detector watches.
 */
public record Liquidation(
    String symbol, long timestamp, PositionSide liquidatedSide, double price, double quantity, String venue)
    implements MarketEvent {}
