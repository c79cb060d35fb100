package org.tradingnode.core.domain.venue.binance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.venue.binance.BinanceRest.AccountTrade;
import org.tradingnode.core.domain.venue.binance.BinanceRest.ApiError;
import org.tradingnode.core.domain.venue.binance.BinanceRest.OrderState;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ExecutionReport;

/**
 * Turns what Binance says about an order (execution reports, order answers, account trades) into
 * the venue reports the connection records. A fill's id is {@code symbol-tradeId}, unique per
 * account, so a fill seen on the user stream and again in a reconciliation is recorded once. Fees
 * are converted to the quote asset when charged in the base asset; a fee in a third asset (BNB) is
 * not a quote amount and is recorded as zero.
 */
public final class BinanceReports {
  private BinanceReports() {}

  /** What one execution report means for the order; empty for kinds that change nothing we track. */
  public static List<VenueReport> of(ExecutionReport report, Instrument instrument) {
    String cid = report.orderClientId();
    long at = report.transactionTime();
    return switch (report.executionType()) {
      case "NEW" -> List.of(new VenueReport.Accepted(cid, Long.toString(report.orderId()), at));
      case "TRADE" -> List.of(new VenueReport.Filled(fill(instrument, cid, report.side(), report.tradeId(),
          report.lastPrice(), report.lastQuantity(), report.commission(), report.commissionAsset(), report.maker(),
          at)));
      case "CANCELED" -> List.of(new VenueReport.Canceled(cid, at));
      case "EXPIRED", "TRADE_PREVENTION" -> List.of(new VenueReport.Expired(cid, at, expiry(report.executionType())));
      case "REJECTED" -> List.of(new VenueReport.Rejected(cid, rejectReason(report.rejectReason()),
          report.rejectReason(), at));
      default -> List.of();
    };
  }

  /**
   * Everything an order's state and its trades say, in order: accepted with its fills, then how it ended
   * if it did. Used for a placement answer and when reconciling after a restart; the connection drops
   * what it already knows.
   */
  public static List<VenueReport> of(OrderState order, List<AccountTrade> trades, Instrument instrument) {
    String cid = order.clientOrderId();
    List<Fill> fills = new ArrayList<>();
    if (!order.fills().isEmpty()) {
      order.fills().forEach(f -> fills.add(fill(instrument, cid, order.side(), f.tradeId(), f.price(), f.quantity(),
          f.commission(), f.commissionAsset(), false, order.time())));
    } else {
      trades.stream().filter(t -> t.orderId() == order.orderId()).sorted(Comparator.comparingLong(AccountTrade::id))
          .forEach(t -> fills.add(fill(instrument, cid, order.side(), t.id(), t.price(), t.quantity(), t.commission(),
              t.commissionAsset(), t.maker(), t.time())));
    }
    List<VenueReport> reports = new ArrayList<>();
    reports.add(new VenueReport.Accepted(cid, Long.toString(order.orderId()), order.time(), fills));
    switch (order.status()) {
      case "CANCELED", "PENDING_CANCEL" -> reports.add(new VenueReport.Canceled(cid, order.time()));
      case "EXPIRED", "EXPIRED_IN_MATCH" -> reports.add(new VenueReport.Expired(cid, order.time(),
          expiry(order.status())));
      case "REJECTED" -> reports.add(new VenueReport.Rejected(cid, VenueRejectReason.VENUE_REFUSED, "REJECTED",
          order.time()));
      default -> { }
    }
    return reports;
  }

  /** A placement Binance refused, with the reason it gave. */
  public static VenueReport.Rejected refused(String clientOrderId, ApiError error, long at) {
    return new VenueReport.Rejected(clientOrderId, rejectReason(error), error.code() + " " + error.message(), at);
  }

  static VenueRejectReason rejectReason(ApiError error) {
    String message = error.message();
    return switch (error.code()) {
      case -1121 -> VenueRejectReason.UNKNOWN_SYMBOL;
      case -1013 -> message.contains("PRICE_FILTER") ? VenueRejectReason.INVALID_TICK
          : message.contains("LOT_SIZE") ? VenueRejectReason.INVALID_LOT
          : message.contains("NOTIONAL") ? VenueRejectReason.BELOW_MIN_NOTIONAL
          : VenueRejectReason.INVALID_QUANTITY;
      case -2010 -> message.contains("insufficient balance") ? VenueRejectReason.INSUFFICIENT_BALANCE
          : message.contains("Duplicate") ? VenueRejectReason.DUPLICATE_CLIENT_ORDER_ID
          : VenueRejectReason.VENUE_REFUSED;
      default -> VenueRejectReason.VENUE_REFUSED;
    };
  }

  /** Why Binance ended an order without a request, from its execution type or order status. */
  private static String expiry(String status) {
    return switch (status) {
      case "TRADE_PREVENTION", "EXPIRED_IN_MATCH" -> status + ": the venue's self-trade prevention ended the rest";
      default -> status + ": the venue ended the rest (its time in force, or no more liquidity for a market order)";
    };
  }

  private static VenueRejectReason rejectReason(String executionRejectReason) {
    return "INSUFFICIENT_BALANCES".equals(executionRejectReason) ? VenueRejectReason.INSUFFICIENT_BALANCE
        : VenueRejectReason.VENUE_REFUSED;
  }

  static Fill fill(Instrument instrument, String clientOrderId, Side side, long tradeId, BigDecimal price,
      BigDecimal quantity, BigDecimal commission, String commissionAsset, boolean maker, long at) {
    BigDecimal fee;
    if (instrument.quoteAsset().equals(commissionAsset)) {
      fee = commission;
    } else if (instrument.baseAsset().equals(commissionAsset)) {
      fee = commission.multiply(price);
    } else {
      fee = BigDecimal.ZERO;
    }
    return new Fill(instrument.symbol() + "-" + tradeId, clientOrderId, instrument.symbol(), side, price, quantity,
        fee, maker, at);
  }
}
