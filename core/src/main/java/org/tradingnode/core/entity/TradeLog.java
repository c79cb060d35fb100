package org.tradingnode.core.entity;

import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.risk.DenyReason;

/**
 * The lines a trader watches on the node's terminal: one per decision about an order ({@value #ORDERS}),
 * one per fill ({@value #FILLS}), one per change of the trading mode ({@value #MODE}) and per alert
 * ({@value #ALERTS}). The entity that decides calls it once the decision is persisted (never from an event
 * handler), so a decision is written once and a replay of the journal writes nothing. The columns are
 * padded so that the lines align; nothing is formatted or allocated while a logger is off.
 */
final class TradeLog {
  static final String ORDERS = "trading.orders";
  static final String FILLS = "trading.fills";
  static final String MODE = "trading.mode";
  static final String ALERTS = "trading.alerts";
  static final String STRATEGIES = "trading.strategies";

  private static final Logger ORDER_LINES = LoggerFactory.getLogger(ORDERS);
  private static final Logger FILL_LINES = LoggerFactory.getLogger(FILLS);
  private static final Logger MODE_LINES = LoggerFactory.getLogger(MODE);
  private static final Logger ALERT_LINES = LoggerFactory.getLogger(ALERTS);
  private static final Logger STRATEGY_LINES = LoggerFactory.getLogger(STRATEGIES);

  /** decision, strategy, exchange:symbol, side, quantity @ price, client order id, and why (may be empty). */
  private static final String ORDER_LINE = "{} {} {} {} {} @ {} {}{}";
  /** As an order line, with the fee and the liquidity side of the fill at the end. */
  private static final String FILL_LINE = "{} {} {} {} {} @ {} {}  fee {} {}";
  private static final int STRATEGY_WIDTH = 18;
  private static final int MARKET_WIDTH = 14;
  private static final int QUANTITY_WIDTH = 12;
  private static final int PRICE_WIDTH = 10;

  /** What happened to an order, padded to one width. */
  enum Decision {
    /** Risk let it through (DEBUG: the venue's answer follows). */
    APPROVED,
    /** Risk refused it. */
    DENIED,
    /** The connection is sending it to the venue (DEBUG: the venue's answer follows). */
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    CANCELED,
    EXPIRED,
    /** A fill that completed its order. */
    FILLED,
    /** A fill that left part of its order open. */
    PARTIAL;

    private final String column = String.format("%-9s", name());
  }

  private TradeLog() {}

  /** Risk let the intent through (DEBUG: the venue's answer is the line to watch). */
  static void approved(OrderIntent intent) {
    if (ORDER_LINES.isDebugEnabled()) {
      ORDER_LINES.debug(ORDER_LINE, orderColumns(Decision.APPROVED, intent, ""));
    }
  }

  /** Risk refused the intent, with the rule's reason. */
  static void denied(OrderIntent intent, DenyReason reason, String detail) {
    if (ORDER_LINES.isInfoEnabled()) {
      ORDER_LINES.info(ORDER_LINE, orderColumns(Decision.DENIED, intent, why(reason, detail)));
    }
  }

  /** The connection sends the order to the venue (DEBUG). */
  static void submitted(OrderIntent intent) {
    if (ORDER_LINES.isDebugEnabled()) {
      ORDER_LINES.debug(ORDER_LINE, orderColumns(Decision.SUBMITTED, intent, ""));
    }
  }

  /**
   * What a persisted venue report did to the order ({@code order} as it left it): the venue's answer or the
   * end of the rest on {@value #ORDERS}, each new fill on {@value #FILLS}.
   */
  static void venueReported(Order order, VenueReport report, List<Fill> fills) {
    OrderIntent intent = order.intent();
    if (ORDER_LINES.isInfoEnabled()) {
      if (report instanceof VenueReport.Accepted) {
        ORDER_LINES.info(ORDER_LINE, orderColumns(Decision.ACCEPTED, intent, ""));
      } else if (report instanceof VenueReport.Rejected r) {
        ORDER_LINES.info(ORDER_LINE, orderColumns(Decision.REJECTED, intent, why(r.reason(), r.detail())));
      } else if (report instanceof VenueReport.Canceled) {
        ORDER_LINES.info(ORDER_LINE, orderColumns(Decision.CANCELED, intent, remaining(order)));
      } else if (report instanceof VenueReport.Expired e) {
        ORDER_LINES.info(ORDER_LINE, orderColumns(Decision.EXPIRED, intent,
            e.reason() == null ? remaining(order) : "  " + e.reason()));
      }
    }
    if (!fills.isEmpty() && FILL_LINES.isInfoEnabled()) {
      for (int i = 0; i < fills.size(); i++) {
        boolean completes = i == fills.size() - 1 && order.status() == OrderStatus.FILLED;
        filled(intent, fills.get(i), completes ? Decision.FILLED : Decision.PARTIAL);
      }
    }
  }

  /** The coordinator changed the mode: WARN when trading is restricted by it, INFO otherwise. */
  static void modeChanged(TradingMode from, TradingMode to, String reason) {
    if (restricts(to)) {
      MODE_LINES.warn("{} (was {}): {}", to, from, reason);
    } else {
      MODE_LINES.info("{} (was {}): {}", to, from, reason);
    }
  }

  /** The mode in force was asked for again with another reason (a second emergency stop). */
  static void modeReasonAdded(TradingMode mode, String reason) {
    if (restricts(mode)) {
      MODE_LINES.warn("{} (again): {}", mode, reason);
    } else {
      MODE_LINES.info("{} (again): {}", mode, reason);
    }
  }

  /** What happened to a strategy as a whole (paused, flattened, failed), after it was recorded. */
  static void strategy(String strategyId, String what) {
    STRATEGY_LINES.info("{} {}", left(strategyId, STRATEGY_WIDTH), what);
  }

  /** As {@link #strategy}, for what needs an operator's attention. */
  static void strategyWarning(String strategyId, String what) {
    STRATEGY_LINES.warn("{} {}", left(strategyId, STRATEGY_WIDTH), what);
  }

  /** An alert the coordinator recorded. */
  static void alerted(Alert alert, String source, String detail) {
    ALERT_LINES.warn("{} from {}: {}", alert, source, detail);
  }

  private static boolean restricts(TradingMode mode) {
    return mode == TradingMode.SAFE_MODE || mode == TradingMode.HALTED || mode == TradingMode.MAINTENANCE;
  }

  private static void filled(OrderIntent intent, Fill fill, Decision decision) {
    FILL_LINES.info(FILL_LINE, decision.column, left(intent.strategyId(), STRATEGY_WIDTH), market(intent),
        side(fill.side().name()), right(fill.quantity().toPlainString(), QUANTITY_WIDTH),
        left(fill.price().toPlainString(), PRICE_WIDTH), fill.clientOrderId(), fill.fee().toPlainString(),
        fill.maker() ? "maker" : "taker");
  }

  private static Object[] orderColumns(Decision decision, OrderIntent intent, String why) {
    BigDecimal limit = intent.limitPrice();
    return new Object[] {decision.column, left(intent.strategyId(), STRATEGY_WIDTH), market(intent),
        side(intent.side().name()), right(intent.quantity().toPlainString(), QUANTITY_WIDTH),
        left(limit == null ? "MKT" : limit.toPlainString(), PRICE_WIDTH), intent.clientOrderId(), why};
  }

  private static String market(OrderIntent intent) {
    return left(intent.exchange() + ":" + intent.symbol(), MARKET_WIDTH);
  }

  private static String side(String side) {
    return left(side, 4);
  }

  private static String why(Object reason, String detail) {
    return detail == null || detail.isBlank() ? "  " + reason : "  " + reason + ": " + detail;
  }

  /** What of a cancelled order (or an expired one whose report gave no reason) had filled, if anything. */
  private static String remaining(Order order) {
    return order.filledQuantity().signum() == 0 ? ""
        : "  filled " + order.filledQuantity().toPlainString() + " of " + order.intent().quantity().toPlainString();
  }

  private static String left(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String right(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
