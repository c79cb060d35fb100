package org.tradingnode.core.entity;

import java.math.BigDecimal;
import java.util.List;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.serialization.CborSerializable;

/** A strategy as an operator sees it: config, status, positions with PnL, and its orders. */
public record StrategyDetails(
    StrategyConfig config,
    StrategyStatus status,
    String statusReason,
    List<PositionSummary> positions,
    List<Order> orders)
    implements CborSerializable {

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
