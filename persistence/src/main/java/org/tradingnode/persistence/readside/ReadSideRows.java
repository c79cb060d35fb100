package org.tradingnode.persistence.readside;

import java.util.Optional;
import java.util.OptionalLong;
import org.tradingnode.core.domain.order.Fill;

/**
 * The read side's rows as the projection reads and writes them while it applies events. Calls are
 * blocking; a store runs them off the actor threads. Every row belongs to one strategy, so the rows of
 * a strategy are only ever written by the projection of the tag the strategy's events carry.
 */
public interface ReadSideRows {

  Optional<OrderRow> order(String strategyId, String clientOrderId);

  void saveOrder(OrderRow row);

  /** The sequence number of the event that recorded this fill, empty when it is not recorded. */
  OptionalLong fillEventSeq(String strategyId, String clientOrderId, String fillId);

  void saveFill(String strategyId, String account, Fill fill, long eventSeq);

  Optional<PositionRow> position(String account, String strategyId, String symbol);

  void savePosition(PositionRow row);
}
