package org.tradingnode.core.entity;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.Order;

/**
 * The cancels an exchange connection sent: the open orders whose cancel went to the current venue
 * connection (asking twice adds nothing), and, while trading is halted, when the halt was decided and how
 * many cancels went out since, for the emergency stop's account ({@link HaltWitness}). Cancels a strategy
 * asked for because of the halt can go out before the connection applies the halt itself; they count
 * too, by the time they went out.
 */
final class ConnectionCancels {
  /** How many of the last cancels' times are kept for a halt applied after them. */
  private static final int RECENT = 10_000;
  private final Set<String> sent = new HashSet<>();
  private final ArrayDeque<Long> recentlySentAt = new ArrayDeque<>();
  /** When the halt the connection works under was decided (0 while trading is not halted). */
  private long haltedSince;
  private int sinceHalt;

  /** A new venue connection knows of no cancel yet. */
  void reconnected() {
    sent.clear();
  }

  /** The candidates whose cancel has not gone to the current venue connection yet, now counted as sent. */
  List<Order> toSend(List<Order> candidates) {
    return candidates.stream().filter(o -> sent.add(o.clientOrderId())).toList();
  }

  /** Counts cancels that went out at {@code now} (epoch ms). */
  void wentOut(int count, long now) {
    if (haltedSince != 0) {
      sinceHalt += count;
    }
    for (int i = 0; i < count; i++) {
      if (recentlySentAt.size() == RECENT) {
        recentlySentAt.removeFirst();
      }
      recentlySentAt.addLast(now);
    }
  }

  /** The order closed: a later order of the same id would need a cancel of its own. */
  void closed(String clientOrderId) {
    sent.remove(clientOrderId);
  }

  /** Notes the mode the connection applies, decided at {@code since}. */
  void modeApplied(TradingMode mode, long since) {
    if (mode != TradingMode.HALTED) {
      haltedSince = 0;
    } else if (haltedSince == 0) {
      haltedSince = since;
      sinceHalt = (int) recentlySentAt.stream().filter(at -> at >= since).count();
    }
  }

  /**
   * While halted, what is still open after a write, for this node's witness; empty otherwise, without
   * asking for the open orders (every write of a trading connection passes here).
   */
  Optional<NodeNotice.OrdersInFlight> inFlight(String connectionId, Supplier<List<Order>> openOrders) {
    if (haltedSince == 0) {
      return Optional.empty();
    }
    List<Order> open = openOrders.get();
    return Optional.of(new NodeNotice.OrdersInFlight(connectionId, haltedSince, sinceHalt, open.size(),
        open.stream().limit(20).map(Order::clientOrderId).toList()));
  }
}
