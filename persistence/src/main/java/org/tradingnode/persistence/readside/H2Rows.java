package org.tradingnode.persistence.readside;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

/** The read side's H2 rows on one connection; the caller owns the transaction. */
final class H2Rows implements ReadSideRows {
  private final Connection connection;

  H2Rows(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<OrderRow> order(String strategyId, String clientOrderId) {
    try (PreparedStatement s = connection.prepareStatement("SELECT " + ORDER_COLUMNS
        + " FROM read_side_order WHERE strategy_id = ? AND client_order_id = ?")) {
      s.setString(1, strategyId);
      s.setString(2, clientOrderId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new OrderRow(orderOf(r), r.getLong("event_seq"))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("read order " + clientOrderId, e);
    }
  }

  @Override
  public void saveOrder(OrderRow row) {
    Order o = row.order();
    OrderIntent i = o.intent();
    try (PreparedStatement s = connection.prepareStatement("MERGE INTO read_side_order (" + ORDER_COLUMNS
        + ") KEY (strategy_id, client_order_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, i.strategyId());
      s.setString(2, i.clientOrderId());
      s.setString(3, i.account());
      s.setString(4, i.exchange());
      s.setString(5, i.symbol());
      s.setString(6, i.side().name());
      s.setString(7, i.type().name());
      s.setBigDecimal(8, i.quantity());
      setNullableDecimal(s, 9, i.limitPrice());
      setNullableDecimal(s, 10, i.referencePrice());
      s.setBoolean(11, i.reduceOnly());
      s.setString(12, i.tag());
      s.setLong(13, i.createdAt());
      s.setString(14, o.status().name());
      s.setBigDecimal(15, o.filledQuantity());
      s.setBigDecimal(16, o.averagePrice());
      s.setBigDecimal(17, o.fees());
      s.setString(18, o.venueOrderId());
      s.setString(19, o.reason());
      s.setLong(20, o.updatedAt());
      s.setLong(21, row.eventSeq());
      s.executeUpdate();
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("write order " + i.clientOrderId(), e);
    }
  }

  @Override
  public OptionalLong fillEventSeq(String strategyId, String clientOrderId, String fillId) {
    try (PreparedStatement s = connection.prepareStatement("SELECT event_seq FROM read_side_fill"
        + " WHERE strategy_id = ? AND client_order_id = ? AND fill_id = ?")) {
      s.setString(1, strategyId);
      s.setString(2, clientOrderId);
      s.setString(3, fillId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("read fill " + fillId, e);
    }
  }

  @Override
  public void saveFill(String strategyId, String account, Fill fill, long eventSeq) {
    try (PreparedStatement s = connection.prepareStatement("MERGE INTO read_side_fill (strategy_id, account, "
        + FILL_COLUMNS + ", event_seq) KEY (strategy_id, client_order_id, fill_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, strategyId);
      s.setString(2, account);
      s.setString(3, fill.clientOrderId());
      s.setString(4, fill.fillId());
      s.setString(5, fill.symbol());
      s.setString(6, fill.side().name());
      s.setBigDecimal(7, fill.price());
      s.setBigDecimal(8, fill.quantity());
      s.setBigDecimal(9, fill.fee());
      s.setBoolean(10, fill.maker());
      s.setLong(11, fill.timestamp());
      s.setLong(12, eventSeq);
      s.executeUpdate();
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("write fill " + fill.fillId(), e);
    }
  }

  @Override
  public Optional<StrategyRow> strategy(String strategyId) {
    try (PreparedStatement s = connection.prepareStatement("SELECT " + STRATEGY_COLUMNS
        + " FROM read_side_strategy WHERE strategy_id = ?")) {
      s.setString(1, strategyId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(strategyOf(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("read strategy " + strategyId, e);
    }
  }

  @Override
  public void saveStrategy(StrategyRow row) {
    StrategyConfig c = row.config();
    OrderCounts n = row.counts();
    try (PreparedStatement s = connection.prepareStatement("MERGE INTO read_side_strategy (" + STRATEGY_COLUMNS
        + ") KEY (strategy_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, c.id());
      s.setString(2, c.type());
      s.setString(3, c.account());
      s.setString(4, c.exchange());
      s.setString(5, row.symbolsText());
      s.setString(6, row.paramsText());
      s.setString(7, row.status().name());
      s.setString(8, row.statusReason());
      s.setLong(9, row.statusSince());
      s.setLong(10, n.intended());
      s.setLong(11, n.filled());
      s.setLong(12, n.canceled());
      s.setLong(13, n.rejected());
      s.setLong(14, n.expired());
      s.setLong(15, n.fills());
      s.setLong(16, row.eventSeq());
      s.executeUpdate();
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("write strategy " + c.id(), e);
    }
  }

  @Override
  public Optional<PositionRow> position(String account, String strategyId, String symbol) {
    try (PreparedStatement s = connection.prepareStatement("SELECT " + POSITION_COLUMNS
        + " FROM read_side_position WHERE strategy_id = ? AND symbol = ?")) {
      s.setString(1, strategyId);
      s.setString(2, symbol);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(positionOf(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("read position " + strategyId + "/" + symbol, e);
    }
  }

  @Override
  public void savePosition(PositionRow row) {
    Position p = row.position();
    try (PreparedStatement s = connection.prepareStatement("MERGE INTO read_side_position (" + POSITION_COLUMNS
        + ") KEY (strategy_id, symbol) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, row.account());
      s.setString(2, row.strategyId());
      s.setString(3, p.symbol());
      s.setBigDecimal(4, p.quantity());
      s.setBigDecimal(5, p.averageEntryPrice());
      s.setBigDecimal(6, p.realizedPnl());
      s.setBigDecimal(7, p.fees());
      s.setInt(8, row.moneyScale());
      s.setLong(9, row.eventSeq());
      s.executeUpdate();
    } catch (SQLException e) {
      throw H2ReadSideStore.failure("write position " + row.strategyId() + "/" + p.symbol(), e);
    }
  }

  static Order orderOf(ResultSet r) throws SQLException {
    OrderIntent intent = new OrderIntent(r.getString("client_order_id"), r.getString("strategy_id"),
        r.getString("account"), r.getString("exchange"), r.getString("symbol"), Side.valueOf(r.getString("side")),
        OrderType.valueOf(r.getString("order_type")), r.getBigDecimal("quantity"), r.getBigDecimal("limit_price"),
        r.getBigDecimal("reference_price"), r.getBoolean("reduce_only"), r.getString("intent_tag"),
        r.getLong("created_at"));
    return new Order(intent, OrderStatus.valueOf(r.getString("status")), r.getBigDecimal("filled_quantity"),
        r.getBigDecimal("average_price"), r.getBigDecimal("fees"), r.getString("venue_order_id"),
        r.getString("reason"), r.getLong("updated_at"));
  }

  static StrategyRow strategyOf(ResultSet r) throws SQLException {
    StrategyConfig config = StrategyRow.config(r.getString("strategy_id"), r.getString("strategy_type"),
        r.getString("account"), r.getString("exchange"), r.getString("symbols"), r.getString("params"));
    return new StrategyRow(config, StrategyStatus.valueOf(r.getString("status")), r.getString("status_reason"),
        r.getLong("status_since"), new OrderCounts(r.getLong("intended"), r.getLong("filled"), r.getLong("canceled"),
            r.getLong("rejected"), r.getLong("expired"), r.getLong("fills")), r.getLong("event_seq"));
  }

  static Fill fillOf(ResultSet r) throws SQLException {
    return new Fill(r.getString("fill_id"), r.getString("client_order_id"), r.getString("symbol"),
        Side.valueOf(r.getString("side")), r.getBigDecimal("price"), r.getBigDecimal("quantity"),
        r.getBigDecimal("fee"), r.getBoolean("maker"), r.getLong("filled_at"));
  }

  static PositionRow positionOf(ResultSet r) throws SQLException {
    Position position = new Position(r.getString("symbol"), r.getBigDecimal("quantity"),
        r.getBigDecimal("average_entry_price"), r.getBigDecimal("realized_pnl"), r.getBigDecimal("fees"));
    return new PositionRow(r.getString("account"), r.getString("strategy_id"), position, r.getInt("money_scale"),
        r.getLong("event_seq"));
  }

  private static void setNullableDecimal(PreparedStatement s, int index, BigDecimal value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.DECIMAL);
    } else {
      s.setBigDecimal(index, value);
    }
  }
}
