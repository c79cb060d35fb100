package org.tradingnode.persistence.readside;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tradingnode.core.domain.order.Fill;

/** Rows in maps with no transaction at all: every write stays, as on a store like Cassandra. */
final class MemoryRows implements ReadSideRows {
  final Map<String, OrderRow> orders = new HashMap<>();
  final Map<String, Long> fillEventSeqs = new HashMap<>();
  final Map<String, PositionRow> positions = new HashMap<>();
  final Map<String, StrategyRow> strategies = new HashMap<>();

  @Override
  public Optional<StrategyRow> strategy(String strategyId) {
    return Optional.ofNullable(strategies.get(strategyId));
  }

  @Override
  public void saveStrategy(StrategyRow row) {
    strategies.put(row.strategyId(), row);
  }

  @Override
  public Optional<OrderRow> order(String strategyId, String clientOrderId) {
    return Optional.ofNullable(orders.get(strategyId + "/" + clientOrderId));
  }

  @Override
  public void saveOrder(OrderRow row) {
    orders.put(row.strategyId() + "/" + row.order().clientOrderId(), row);
  }

  @Override
  public OptionalLong fillEventSeq(String strategyId, String clientOrderId, String fillId) {
    Long seq = fillEventSeqs.get(strategyId + "/" + clientOrderId + "/" + fillId);
    return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
  }

  @Override
  public void saveFill(String strategyId, String account, Fill fill, long eventSeq) {
    fillEventSeqs.put(strategyId + "/" + fill.clientOrderId() + "/" + fill.fillId(), eventSeq);
  }

  @Override
  public Optional<PositionRow> position(String account, String strategyId, String symbol) {
    return Optional.ofNullable(positions.get(strategyId + "/" + symbol));
  }

  @Override
  public void savePosition(PositionRow row) {
    positions.put(row.strategyId() + "/" + row.symbol(), row);
  }
}
