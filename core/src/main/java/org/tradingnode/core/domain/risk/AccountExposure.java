package org.tradingnode.core.domain.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * What risk knows about one account: positions by symbol, the last price it valued each at, the
 * approved orders not yet final, recent order times per strategy and realized PnL per UTC day.
 * Immutable: every change returns a new exposure.
 */
public record AccountExposure(
    Map<String, Position> positions,
    Map<String, BigDecimal> lastPrices,
    Map<String, OrderIntent> openOrders,
    Map<String, List<Long>> recentOrderTimes,
    Map<Long, BigDecimal> realizedPnlByDay)
    implements CborSerializable {

  private static final long MINUTE_MS = 60_000L;

  public AccountExposure {
    positions = Map.copyOf(positions);
    lastPrices = Map.copyOf(lastPrices);
    openOrders = Map.copyOf(openOrders);
    recentOrderTimes = Map.copyOf(recentOrderTimes);
    realizedPnlByDay = Map.copyOf(realizedPnlByDay);
  }

  public static AccountExposure empty() {
    return new AccountExposure(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  public Position position(String symbol) {
    return positions.getOrDefault(symbol, Position.flat(symbol));
  }

  public int openOrderCount() {
    return openOrders.size();
  }

  /** Quantity of the symbol if this intent filled completely. */
  public BigDecimal quantityAfter(OrderIntent intent) {
    BigDecimal signed = intent.side().sign() > 0 ? intent.quantity() : intent.quantity().negate();
    return position(intent.symbol()).quantity().add(signed);
  }

  /**
   * True when the intent only makes the existing position smaller (never flips it), counting the
   * approved, still open orders on the same side that reduce it already.
   */
  public boolean reducesPosition(OrderIntent intent) {
    BigDecimal current = position(intent.symbol()).quantity();
    if (current.signum() == 0 || current.signum() == intent.side().sign()) {
      return false;
    }
    BigDecimal alreadyReducing = BigDecimal.ZERO;
    for (OrderIntent open : openOrders.values()) {
      if (open.symbol().equals(intent.symbol()) && open.side() == intent.side()
          && !open.clientOrderId().equals(intent.clientOrderId())) {
        alreadyReducing = alreadyReducing.add(open.quantity());
      }
    }
    return intent.quantity().add(alreadyReducing).compareTo(current.abs()) <= 0;
  }

  /** Sum of all positions valued at the last known prices. */
  public BigDecimal grossExposure() {
    BigDecimal total = BigDecimal.ZERO;
    for (Position p : positions.values()) {
      BigDecimal price = lastPrices.getOrDefault(p.symbol(), p.averageEntryPrice());
      total = total.add(p.notional(price));
    }
    return total;
  }

  public int ordersInLastMinute(String strategyId, long now) {
    int count = 0;
    for (long t : recentOrderTimes.getOrDefault(strategyId, List.of())) {
      if (t > now - MINUTE_MS) {
        count++;
      }
    }
    return count;
  }

  public BigDecimal dailyRealizedPnl(long now) {
    return realizedPnlByDay.getOrDefault(utcDay(now), BigDecimal.ZERO);
  }

  /** The exposure after risk approved this intent at {@code now}. */
  public AccountExposure withApproved(OrderIntent intent, long now) {
    Map<String, OrderIntent> open = new HashMap<>(openOrders);
    open.put(intent.clientOrderId(), intent);
    Map<String, List<Long>> times = new HashMap<>(recentOrderTimes);
    List<Long> kept = new ArrayList<>();
    for (long t : times.getOrDefault(intent.strategyId(), List.of())) {
      if (t > now - MINUTE_MS) {
        kept.add(t);
      }
    }
    kept.add(now);
    times.put(intent.strategyId(), List.copyOf(kept));
    Map<String, BigDecimal> prices = new HashMap<>(lastPrices);
    if (intent.referencePrice() != null) {
      prices.put(intent.symbol(), intent.referencePrice());
    }
    return new AccountExposure(positions, prices, open, times, realizedPnlByDay);
  }

  /** The exposure after a fill; realized PnL is booked on the fill's UTC day. */
  public AccountExposure withFill(Fill fill, int moneyScale) {
    Position before = position(fill.symbol());
    Position after = before.apply(fill, moneyScale);
    Map<String, Position> pos = new HashMap<>(positions);
    pos.put(fill.symbol(), after);
    Map<Long, BigDecimal> pnl = new HashMap<>(realizedPnlByDay);
    BigDecimal realizedDelta = after.realizedPnl().subtract(before.realizedPnl()).subtract(fill.fee());
    pnl.merge(utcDay(fill.timestamp()), realizedDelta, BigDecimal::add);
    Map<String, BigDecimal> prices = new HashMap<>(lastPrices);
    prices.put(fill.symbol(), fill.price());
    return new AccountExposure(pos, prices, openOrders, recentOrderTimes, pnl);
  }

  public AccountExposure withOrderClosed(String clientOrderId) {
    if (!openOrders.containsKey(clientOrderId)) {
      return this;
    }
    Map<String, OrderIntent> open = new HashMap<>(openOrders);
    open.remove(clientOrderId);
    return new AccountExposure(positions, lastPrices, open, recentOrderTimes, realizedPnlByDay);
  }

  private static long utcDay(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }
}
