package org.tradingnode.http.simulator;

/**
 * What the user data stream says about one change of an order. {@code clientOrderId} is Binance's
 * {@code c} (the cancel request's own id for a cancel), {@code originalClientOrderId} its {@code C}
 * (the cancelled order's id, else empty); {@code trade} is the fill of a TRADE execution, else null.
 */
record ExecutionReport(
    OrderRecord order,
    String executionType,
    String clientOrderId,
    String originalClientOrderId,
    String rejectReason,
    AccountTrade trade,
    long eventTime,
    long executionId) {}
