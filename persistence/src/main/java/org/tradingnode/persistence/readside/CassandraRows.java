package org.tradingnode.persistence.readside;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.Optional;
import java.util.OptionalLong;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.StrategyStatus;

/**
 * The read side's Cassandra rows. Each write stands alone (there is no transaction); the projection's
 * per-row sequence numbers make a batch that failed halfway safe to apply again.
 */
final class CassandraRows implements ReadSideRows {
  private final CassandraStatements statements;
  private final CassandraReadSideSchema schema;

  CassandraRows(CassandraStatements statements, CassandraReadSideSchema schema) {
    this.statements = statements;
    this.schema = schema;
  }

  @Override
  public Optional<OrderRow> order(String strategyId, String clientOrderId) {
    Row row = statements.one("SELECT " + ORDER_COLUMNS + " FROM " + schema.table("read_side_order")
        + " WHERE strategy_id = ? AND client_order_id = ?", strategyId, clientOrderId);
    return row == null ? Optional.empty() : Optional.of(new OrderRow(orderOf(row), row.getLong("event_seq")));
  }

  @Override
  public void saveOrder(OrderRow row) {
    Order o = row.order();
    OrderIntent i = o.intent();
    statements.write("INSERT INTO " + schema.table("read_side_order") + " (" + ORDER_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        i.strategyId(), i.clientOrderId(), i.account(), i.exchange(), i.symbol(), i.side().name(), i.type().name(),
        i.quantity(), i.limitPrice(), i.referencePrice(), i.reduceOnly(), i.tag(), i.createdAt(), o.status().name(),
        o.filledQuantity(), o.averagePrice(), o.fees(), o.venueOrderId(), o.reason(), o.updatedAt(), row.eventSeq());
  }

  @Override
  public OptionalLong fillEventSeq(String strategyId, String clientOrderId, String fillId) {
    Row row = statements.one("SELECT event_seq FROM " + schema.table("read_side_fill")
        + " WHERE strategy_id = ? AND client_order_id = ? AND fill_id = ?", strategyId, clientOrderId, fillId);
    return row == null ? OptionalLong.empty() : OptionalLong.of(row.getLong("event_seq"));
  }

  @Override
  public void saveFill(String strategyId, String account, Fill fill, long eventSeq) {
    statements.write("INSERT INTO " + schema.table("read_side_fill") + " (strategy_id, account, " + FILL_COLUMNS
            + ", event_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        strategyId, account, fill.clientOrderId(), fill.fillId(), fill.symbol(), fill.side().name(), fill.price(),
        fill.quantity(), fill.fee(), fill.maker(), fill.timestamp(), eventSeq);
  }

  @Override
  public Optional<StrategyRow> strategy(String strategyId) {
    Row row = statements.one("SELECT " + STRATEGY_COLUMNS + " FROM " + schema.table("read_side_strategy")
        + " WHERE strategy_id = ?", strategyId);
    return row == null ? Optional.empty() : Optional.of(strategyOf(row));
  }

  @Override
  public void saveStrategy(StrategyRow row) {
    StrategyConfig c = row.config();
    OrderCounts n = row.counts();
    statements.write("INSERT INTO " + schema.table("read_side_strategy") + " (" + STRATEGY_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.type(), c.account(), c.exchange(), row.symbolsText(), row.paramsText(), row.status().name(),
        row.statusReason(), row.statusSince(), n.intended(), n.filled(), n.canceled(), n.rejected(), n.expired(),
        n.fills(), row.eventSeq());
  }

  @Override
  public Optional<PositionRow> position(String account, String strategyId, String symbol) {
    Row row = statements.one("SELECT " + POSITION_COLUMNS + " FROM " + schema.table("read_side_position")
        + " WHERE account = ? AND strategy_id = ? AND symbol = ?", account, strategyId, symbol);
    return row == null ? Optional.empty() : Optional.of(positionOf(row));
  }

  @Override
  public void savePosition(PositionRow row) {
    Position p = row.position();
    statements.write("INSERT INTO " + schema.table("read_side_position") + " (" + POSITION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.account(), row.strategyId(), p.symbol(), p.quantity(), p.averageEntryPrice(), p.realizedPnl(), p.fees(),
        row.moneyScale(), row.eventSeq());
  }

  static Order orderOf(Row r) {
    OrderIntent intent = new OrderIntent(r.getString("client_order_id"), r.getString("strategy_id"),
        r.getString("account"), r.getString("exchange"), r.getString("symbol"), Side.valueOf(r.getString("side")),
        OrderType.valueOf(r.getString("order_type")), r.getBigDecimal("quantity"), r.getBigDecimal("limit_price"),
        r.getBigDecimal("reference_price"), r.getBoolean("reduce_only"), r.getString("intent_tag"),
        r.getLong("created_at"));
    return new Order(intent, OrderStatus.valueOf(r.getString("status")), r.getBigDecimal("filled_quantity"),
        r.getBigDecimal("average_price"), r.getBigDecimal("fees"), r.getString("venue_order_id"),
        r.getString("reason"), r.getLong("updated_at"));
  }

  static StrategyRow strategyOf(Row r) {
    StrategyConfig config = StrategyRow.config(r.getString("strategy_id"), r.getString("strategy_type"),
        r.getString("account"), r.getString("exchange"), r.getString("symbols"), r.getString("params"));
    return new StrategyRow(config, StrategyStatus.valueOf(r.getString("status")), r.getString("status_reason"),
        r.getLong("status_since"), new OrderCounts(r.getLong("intended"), r.getLong("filled"), r.getLong("canceled"),
            r.getLong("rejected"), r.getLong("expired"), r.getLong("fills")), r.getLong("event_seq"));
  }

  static Fill fillOf(Row r) {
    return new Fill(r.getString("fill_id"), r.getString("client_order_id"), r.getString("symbol"),
        Side.valueOf(r.getString("side")), r.getBigDecimal("price"), r.getBigDecimal("quantity"),
        r.getBigDecimal("fee"), r.getBoolean("maker"), r.getLong("filled_at"));
  }

  static PositionRow positionOf(Row r) {
    Position position = new Position(r.getString("symbol"), r.getBigDecimal("quantity"),
        r.getBigDecimal("average_entry_price"), r.getBigDecimal("realized_pnl"), r.getBigDecimal("fees"));
    return new PositionRow(r.getString("account"), r.getString("strategy_id"), position, r.getInt("money_scale"),
        r.getLong("event_seq"));
  }
}
