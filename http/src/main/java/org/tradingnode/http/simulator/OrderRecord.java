package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

/**
 * One order as Binance reports it: its per-symbol order id, client order id, what was asked and
 * how much of it traded. A change returns a new record.
 */
record OrderRecord(
    String symbol,
    long orderId,
    String clientOrderId,
    Side side,
    OrderType type,
    BigDecimal price,
    BigDecimal origQty,
    BigDecimal executedQty,
    BigDecimal cumulativeQuoteQty,
    Status status,
    long time,
    long updateTime) {

  /** Binance's order statuses that the simulator uses. */
  enum Status {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    boolean isOpen() {
      return this == NEW || this == PARTIALLY_FILLED;
    }
  }

  static OrderRecord accepted(String symbol, long orderId, String clientOrderId, Side side, OrderType type,
      BigDecimal price, BigDecimal quantity, long now) {
    return new OrderRecord(symbol, orderId, clientOrderId, side, type, price == null ? BigDecimal.ZERO : price,
        quantity, BigDecimal.ZERO, BigDecimal.ZERO, Status.NEW, now, now);
  }

  /** Binance's {@code type}: an immediate-or-cancel order is a LIMIT order with timeInForce IOC. */
  String binanceType() {
    return type == OrderType.MARKET ? "MARKET" : "LIMIT";
  }

  String timeInForce() {
    return type == OrderType.IOC ? "IOC" : "GTC";
  }

  /** Whether the order rests on the book (Binance's {@code w}). */
  boolean isOnBook() {
    return type == OrderType.LIMIT && status.isOpen();
  }

  /** Whether Binance reports a working time: orders that went to the book. */
  boolean hasWorkingTime() {
    return type == OrderType.LIMIT && status != Status.REJECTED;
  }

  OrderRecord filled(BigDecimal quantity, BigDecimal fillPrice, long at) {
    BigDecimal executed = executedQty.add(quantity);
    Status next = executed.compareTo(origQty) >= 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
    return new OrderRecord(symbol, orderId, clientOrderId, side, type, price, origQty, executed,
        cumulativeQuoteQty.add(quantity.multiply(fillPrice)), next, time, at);
  }

  OrderRecord closed(Status finalStatus, long at) {
    return new OrderRecord(symbol, orderId, clientOrderId, side, type, price, origQty, executedQty,
        cumulativeQuoteQty, finalStatus, time, at);
  }
}
