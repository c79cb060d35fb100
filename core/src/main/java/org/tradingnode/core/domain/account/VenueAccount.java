package org.tradingnode.core.domain.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderChange;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderLedger;
import org.tradingnode.core.domain.paper.SpotBalances;

/**
 * One account at a venue as its connection records it: the balances and the order ledger (open orders
 * and a window of recently closed ones), changed in place by each fact about an order. The exchange
 * connection applies its journal's events through it, and a backtest's simulated connection does the
 * same, so both keep their books by one rule.
 */
public final class VenueAccount {
  private final Map<String, BigDecimal> balances;
  private final OrderLedger ledger;
  private final int window;

  /** An account over {@code balances} and {@code ledger}, which it changes; {@code window} closed orders kept. */
  public VenueAccount(Map<String, BigDecimal> balances, OrderLedger ledger, int window) {
    this.balances = balances;
    this.ledger = ledger;
    this.window = window;
  }

  /** The assets a fill moves; null fields when they are not known. */
  public record Assets(String base, String quote) {
    public static final Assets UNKNOWN = new Assets(null, null);

    public boolean known() {
      return base != null && quote != null;
    }
  }

  /** An order sent to the venue. */
  public void submitted(OrderIntent intent) {
    ledger.record(Order.of(intent), window);
  }

  /**
   * The change to an order: its fills move the balances of {@code assets} (none when they are unknown),
   * and the ledger records the order after it. False when the ledger no longer holds the order (it left
   * the window), which changes nothing else.
   */
  public boolean changed(String clientOrderId, OrderChange change, Assets assets) {
    List<Fill> fills = fillsOf(change);
    if (assets.known()) {
      fills.forEach(fill -> SpotBalances.applyFill(balances, assets.base(), assets.quote(), fill));
    }
    Order order = ledger.order(clientOrderId).orElse(null);
    if (order == null) {
      return false;
    }
    ledger.recordFills(fills, OrderChange.apply(order, change), window);
    return true;
  }

  /** The fills a change carries, in the order they traded. */
  public static List<Fill> fillsOf(OrderChange change) {
    if (change instanceof OrderChange.Accepted a) {
      return a.fills();
    }
    if (change instanceof OrderChange.Filled f) {
      return f.fills();
    }
    return List.of();
  }
}
