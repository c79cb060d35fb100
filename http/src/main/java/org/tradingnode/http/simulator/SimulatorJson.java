package org.tradingnode.http.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * JSON as Binance writes it: prices and quantities as decimal strings with eight decimals
 * ({@code "0.10000000"}), ids and times as numbers, fields in the documented order.
 */
final class SimulatorJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int DECIMALS = 8;

  private SimulatorJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static String decimal(BigDecimal value) {
    return value.setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code [["price", "quantity"], ...]}, as depth snapshots and diffs carry levels. */
  static ArrayNode levels(List<DepthBook.Level> levels) {
    ArrayNode out = array();
    levels.forEach(l -> out.addArray().add(decimal(l.price())).add(decimal(l.quantity())));
    return out;
  }

  /** {@code {"code": -1121, "msg": "Invalid symbol."}} */
  static String error(int code, String message) {
    return write(object().put("code", code).put("msg", message));
  }
}
