package org.tradingnode.core.domain.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * What risk knows about one account: positions by symbol, the last price it valued each at, the
 * approved orders not yet final, recent order times per strategy and realized PnL per UTC day.
 *
 * <p>The exposure changes in place: risk decides every order of the account against it, and copying
 * hundreds of open orders and strategies per decision made the copies the account's limit. Its owner
 * hands out {@link #copy()} wherever the exposure leaves it (snapshots, replies).
 */
public record AccountExposure(
    Map<String, Position> positions,
    Map<String, BigDecimal> lastPrices,
    Map<String, OrderIntent> openOrders,
    Map<String, List<Long>> recentOrderTimes,
    Map<Long, BigDecimal> realizedPnlByDay)
    implements CborSerializable {

  private static final long MINUTE_MS = 60_000L;

  /** Takes independent, changeable copies of the given maps. */
  public AccountExposure {
    positions = new HashMap<>(positions);
    lastPrices = new HashMap<>(lastPrices);
    openOrders = new LinkedHashMap<>(openOrders);
    Map<String, List<Long>> times = new HashMap<>();
    recentOrderTimes.forEach((strategy, list) -> times.put(strategy, new ArrayList<>(list)));
    recentOrderTimes = times;
    realizedPnlByDay = new HashMap<>(realizedPnlByDay);
  }

  public static AccountExposure empty() {
    return new AccountExposure(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** An independent copy, for whoever reads the exposure outside its owner. */
  public AccountExposure copy() {
    return new AccountExposure(positions, lastPrices, openOrders, recentOrderTimes, realizedPnlByDay);
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

  /** Records that risk approved this intent at {@code now}; returns this exposure. */
  public AccountExposure recordApproved(OrderIntent intent, long now) {
    openOrders.put(intent.clientOrderId(), intent);
    List<Long> times = recentOrderTimes.computeIfAbsent(intent.strategyId(), id -> new ArrayList<>());
    times.removeIf(t -> t <= now - MINUTE_MS);
    times.add(now);
    if (intent.referencePrice() != null) {
      lastPrices.put(intent.symbol(), intent.referencePrice());
    }
    return this;
  }

  /** Records a fill; realized PnL is booked on the fill's UTC day. Returns this exposure. */
  public AccountExposure recordFill(Fill fill, int moneyScale) {
    Position before = position(fill.symbol());
    Position after = before.apply(fill, moneyScale);
    positions.put(fill.symbol(), after);
    BigDecimal realizedDelta = after.realizedPnl().subtract(before.realizedPnl()).subtract(fill.fee());
    realizedPnlByDay.merge(utcDay(fill.timestamp()), realizedDelta, BigDecimal::add);
    lastPrices.put(fill.symbol(), fill.price());
    return this;
  }

  /** Records that an approved order is final and no longer open. Returns this exposure. */
  public AccountExposure recordOrderClosed(String clientOrderId) {
    openOrders.remove(clientOrderId);
    return this;
  }

  private static long utcDay(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }
}
