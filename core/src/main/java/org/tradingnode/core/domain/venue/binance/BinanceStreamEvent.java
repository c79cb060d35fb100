package org.tradingnode.core.domain.venue.binance;

import java.math.BigDecimal;
import java.util.Map;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.order.Side;

/**
 * One decoded frame of a Binance spot WebSocket stream: market data, user data, a control answer,
 * or a frame that could not be used ({@link Malformed}, {@link Unknown}), which the stream counts
 * and drops instead of failing.
 */
public sealed interface BinanceStreamEvent {

  /** {@code <symbol>@trade}; {@code buyerIsMaker} means the taker sold. */
  record Trade(String symbol, long tradeId, double price, double quantity, boolean buyerIsMaker, long tradeTime)
      implements BinanceStreamEvent {
    public Side aggressor() {
      return buyerIsMaker ? Side.SELL : Side.BUY;
    }
  }

  /** {@code <symbol>@bookTicker}: best bid and ask. */
  record BookTicker(String symbol, long updateId, double bidPrice, double bidQuantity, double askPrice,
      double askQuantity) implements BinanceStreamEvent {}

  /** {@code <symbol>@depth}: levels changed between update ids {@code U} and {@code u}. */
  record DepthUpdate(BookDelta delta) implements BinanceStreamEvent {}

  /** {@code executionReport}: something happened to one of the account's orders. */
  record ExecutionReport(
      String symbol,
      String clientOrderId,
      String originalClientOrderId,
      Side side,
      String orderType,
      String executionType,
      String orderStatus,
      String rejectReason,
      long orderId,
      BigDecimal lastQuantity,
      BigDecimal cumulativeQuantity,
      BigDecimal lastPrice,
      BigDecimal commission,
      String commissionAsset,
      long tradeId,
      boolean maker,
      long transactionTime)
      implements BinanceStreamEvent {
    /** The order this report is about: a cancel names the cancelled order in {@code C}. */
    public String orderClientId() {
      return originalClientOrderId == null || originalClientOrderId.isEmpty() ? clientOrderId : originalClientOrderId;
    }
  }

  /** {@code outboundAccountPosition}: free balances of the assets that changed. */
  record AccountPosition(long eventTime, Map<String, BigDecimal> free) implements BinanceStreamEvent {
    public AccountPosition {
      free = Map.copyOf(free);
    }
  }

  /** The user data stream ended ({@code listenKeyExpired}, {@code eventStreamTerminated}): get a new key. */
  record StreamEnded(String reason) implements BinanceStreamEvent {}

  /** The venue is about to close the connection ({@code serverShutdown}): reconnect. */
  record ServerShutdown(long eventTime) implements BinanceStreamEvent {}

  /**
   * Answer to a {@code SUBSCRIBE}-style or WebSocket API request, or an error for it with
   * Binance's error code (0 when the error carries none).
   */
  record ControlAnswer(long id, boolean ok, int errorCode, String detail) implements BinanceStreamEvent {}

  /** A frame whose kind we do not use (other event types); counted, not an error. */
  record Unknown(String kind) implements BinanceStreamEvent {}

  /** A frame that is not what the venue documents: broken JSON, missing fields, wrong types. */
  record Malformed(String reason) implements BinanceStreamEvent {}
}
