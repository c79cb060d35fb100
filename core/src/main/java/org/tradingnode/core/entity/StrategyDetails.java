package org.tradingnode.core.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.strategy.StrategyBook;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * A strategy as an operator sees it: config, status, positions with PnL, its open orders, the last few
 * closed ones, how many orders it placed and how they ended, and where it runs (the node hosting it, and
 * whether its runner is trading there now). A summary: its size depends on the open orders and the
 * symbols traded, never on the strategy's history, which the read side and the journal hold.
 */
public record StrategyDetails(
    StrategyConfig config,
    StrategyStatus status,
    String statusReason,
    List<PositionSummary> positions,
    List<Order> openOrders,
    List<Order> recentlyClosed,
    OrderCounts counts,
    Placement placement)
    implements CborSerializable {

  /**
   * The node (host:port of its cluster address) that hosts the strategy, whether its runner runs, and since
   * when (epoch ms on the hosting node; 0 while it does not run).
   */
  public record Placement(String node, boolean runnerActive, long runnerSince) implements CborSerializable {}

  /** The details of a strategy's book, its positions valued at the given marks (money at each symbol's scale). */
  public static StrategyDetails of(StrategyConfig config, StrategyStatus status, String statusReason,
      StrategyBook book, Map<String, BigDecimal> marks, ToIntFunction<String> moneyScale, Placement placement) {
    List<PositionSummary> positions = new ArrayList<>();
    for (Position p : book.positions().values()) {
      BigDecimal mark = marks.get(p.symbol());
      positions.add(new PositionSummary(p.symbol(), p.quantity(), p.averageEntryPrice(), p.realizedPnl(), p.fees(),
          mark, p.unrealizedPnl(mark, moneyScale.applyAsInt(p.symbol()))));
    }
    return new StrategyDetails(config, status, statusReason, positions, book.openOrders(), book.recentlyClosed(),
        book.counts(), placement);
  }

  /** One position valued at the last price the strategy saw. */
  public record PositionSummary(
      String symbol,
      BigDecimal quantity,
      BigDecimal averageEntryPrice,
      BigDecimal realizedPnl,
      BigDecimal fees,
      BigDecimal markPrice,
      BigDecimal unrealizedPnl)
      implements CborSerializable {}
}
