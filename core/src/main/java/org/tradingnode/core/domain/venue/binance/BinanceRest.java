package org.tradingnode.core.domain.venue.binance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.order.Side;

/** The Binance spot REST answers the connector reads, as records (decoded by {@link BinanceRestCodec}). */
public final class BinanceRest {
  private BinanceRest() {}

  /** {@code {"code":-1022,"msg":"..."}}: what Binance says when it refuses a request. */
  public record ApiError(int code, String message) {}

  /** {@code GET /api/v3/exchangeInfo}: one symbol with its filters. */
  public record SymbolRules(String symbol, String status, String baseAsset, String quoteAsset, BigDecimal tickSize,
      BigDecimal stepSize, BigDecimal minNotional) {}

  /** One execution inside an order answer ({@code fills} of a FULL response). */
  public record OrderFill(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal commission,
      String commissionAsset) {}

  /**
   * An order as {@code POST}, {@code GET} or {@code DELETE /api/v3/order} and {@code openOrders}
   * describe it; {@code fills} only in a FULL placement answer, {@code time} is the transaction
   * or update time.
   */
  public record OrderState(String symbol, long orderId, String clientOrderId, Side side, String type,
      String status, BigDecimal price, BigDecimal originalQuantity, BigDecimal executedQuantity, long time,
      List<OrderFill> fills) {
    public OrderState {
      fills = List.copyOf(fills);
    }
  }

  /** {@code GET /api/v3/myTrades}: one of the account's trades. */
  public record AccountTrade(String symbol, long id, long orderId, BigDecimal price, BigDecimal quantity,
      BigDecimal commission, String commissionAsset, long time, boolean buyer, boolean maker) {}

  /** {@code GET /api/v3/account}: free balances by asset. */
  public record Account(Map<String, BigDecimal> free) {
    public Account {
      free = Map.copyOf(free);
    }
  }

  /** {@code GET /api/v3/depth}: a snapshot with its {@code lastUpdateId}. */
  public record DepthSnapshot(BookDelta book) {}
}
