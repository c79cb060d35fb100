package org.tradingnode.persistence.readside;

import java.util.Optional;
import java.util.OptionalLong;
import org.tradingnode.core.domain.order.Fill;

/** Rows that pass the first writes through and then fail, as a node that dies in the middle of a batch. */
final class CrashingRows implements ReadSideRows {
  private final ReadSideRows rows;
  private int writesLeft;

  CrashingRows(ReadSideRows rows, int writesBeforeCrash) {
    this.rows = rows;
    this.writesLeft = writesBeforeCrash;
  }

  @Override
  public Optional<OrderRow> order(String strategyId, String clientOrderId) {
    return rows.order(strategyId, clientOrderId);
  }

  @Override
  public void saveOrder(OrderRow row) {
    beforeWrite();
    rows.saveOrder(row);
  }

  @Override
  public OptionalLong fillEventSeq(String strategyId, String clientOrderId, String fillId) {
    return rows.fillEventSeq(strategyId, clientOrderId, fillId);
  }

  @Override
  public void saveFill(String strategyId, String account, Fill fill, long eventSeq) {
    beforeWrite();
    rows.saveFill(strategyId, account, fill, eventSeq);
  }

  @Override
  public Optional<StrategyRow> strategy(String strategyId) {
    return rows.strategy(strategyId);
  }

  @Override
  public void saveStrategy(StrategyRow row) {
    beforeWrite();
    rows.saveStrategy(row);
  }

  @Override
  public Optional<PositionRow> position(String account, String strategyId, String symbol) {
    return rows.position(account, strategyId, symbol);
  }

  @Override
  public void savePosition(PositionRow row) {
    beforeWrite();
    rows.savePosition(row);
  }

  private void beforeWrite() {
    if (writesLeft-- <= 0) {
      throw new IllegalStateException("the node died here");
    }
  }
}
