package org.tradingnode.persistence.readside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.StrategyStatus;

/**
 * One strategy as the read side keeps it: its config, its status with the reason and the time it took
 * it, how many orders it intended and how they ended, and the sequence number of the last of its events
 * applied to the row.
 */
public record StrategyRow(StrategyConfig config, StrategyStatus status, String statusReason, long statusSince,
    OrderCounts counts, long eventSeq) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String strategyId() {
    return config.id();
  }

  /** The row of a strategy just created. */
  static StrategyRow created(StrategyConfig config, long at, long seq) {
    return new StrategyRow(config, StrategyStatus.STOPPED, "created", at, OrderCounts.NONE, seq);
  }

  StrategyRow withStatus(StrategyStatus next, String reason, long at, long seq) {
    return new StrategyRow(config, next, reason, at, counts, seq);
  }

  StrategyRow withConfig(StrategyConfig next, long seq) {
    return new StrategyRow(next, status, statusReason, statusSince, counts, seq);
  }

  StrategyRow withCounts(OrderCounts next, long seq) {
    return new StrategyRow(config, status, statusReason, statusSince, next, seq);
  }

  /** The symbols as the text a column holds. */
  String symbolsText() {
    return write(config.symbols());
  }

  /** The parameters as the text a column holds. */
  String paramsText() {
    return write(config.params());
  }

  static StrategyConfig config(String id, String type, String account, String exchange, String symbols,
      String params) {
    try {
      return new StrategyConfig(id, type, account, exchange, JSON.readValue(symbols, new TypeReference<List<String>>() {}),
          JSON.readValue(params, new TypeReference<Map<String, String>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strategy row " + id + " holds unreadable config: " + e.getMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + ": " + e.getMessage(), e);
    }
  }
}
