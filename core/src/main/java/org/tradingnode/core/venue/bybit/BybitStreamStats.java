package org.tradingnode.core.venue.bybit;

/**
 * Counters of a {@link BybitMarketStream} since it started: text frames received, frames dropped as
 * malformed, frames of topics or operations it does not read, order book gaps seen, resyncs asked
 * for, and reconnects after the first connection.
 */
public record BybitStreamStats(
    long messages, long malformed, long unknownTopics, long gaps, long resyncs, long reconnects) {}
