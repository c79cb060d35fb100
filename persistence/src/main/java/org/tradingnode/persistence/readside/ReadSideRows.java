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
  /** Column lists shared by the H2 and Cassandra tables, which have the same columns. */
  String ORDER_COLUMNS = "strategy_id, client_order_id, account, exchange, symbol, side, order_type, "
      + "quantity, limit_price, reference_price, reduce_only, intent_tag, created_at, status, filled_quantity, "
      + "average_price, fees, venue_order_id, reason, updated_at, event_seq";
  String FILL_COLUMNS = "client_order_id, fill_id, symbol, side, price, quantity, fee, maker, filled_at";
  String STRATEGY_COLUMNS = "strategy_id, strategy_type, account, exchange, symbols, params, status, "
      + "status_reason, status_since, intended, filled, canceled, rejected, expired, fills, event_seq";
  String POSITION_COLUMNS = "account, strategy_id, symbol, quantity, average_entry_price, realized_pnl, "
      + "fees, money_scale, event_seq";

  Optional<OrderRow> order(String strategyId, String clientOrderId);

  void saveOrder(OrderRow row);

  /** The sequence number of the event that recorded this fill, empty when it is not recorded. */
  OptionalLong fillEventSeq(String strategyId, String clientOrderId, String fillId);

  void saveFill(String strategyId, String account, Fill fill, long eventSeq);

  Optional<StrategyRow> strategy(String strategyId);

  void saveStrategy(StrategyRow row);

  Optional<PositionRow> position(String account, String strategyId, String symbol);

  void savePosition(PositionRow row);
}
