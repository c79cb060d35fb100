package org.tradingnode.core.domain.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Reads the fields of a venue message strictly: a missing field or a field of the wrong type is a
 * {@link MalformedMessage}, never a default value that would corrupt state downstream.
 */
final class StrictJson {
  private StrictJson() {}

  /** A message that is not what the venue documents. */
  static final class MalformedMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedMessage(String message) {
      super(message, null, false, false);
    }
  }

  static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedMessage("missing field '" + name + "'");
    }
    return value;
  }

  static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new MalformedMessage("field '" + name + "' is not a string");
    }
    return value.textValue();
  }

  /** A text field that may be absent or null. */
  static String optionalText(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedMessage("field '" + name + "' is not a string");
    }
    return value.textValue();
  }

  static long integer(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new MalformedMessage("field '" + name + "' is not an integer");
    }
    return value.longValue();
  }

  static boolean bool(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isBoolean()) {
      throw new MalformedMessage("field '" + name + "' is not a boolean");
    }
    return value.booleanValue();
  }

  /** Binance sends decimals as strings ({@code "0.10000000"}); a JSON number is accepted too. */
  static BigDecimal decimal(JsonNode node, String name) {
    JsonNode value = field(node, name);
    return decimalOf(value, name);
  }

  static BigDecimal decimalOf(JsonNode value, String name) {
    try {
      if (value.isTextual()) {
        return new BigDecimal(value.textValue());
      }
      if (value.isNumber()) {
        return value.decimalValue();
      }
    } catch (NumberFormatException e) {
      throw new MalformedMessage("field '" + name + "' is not a decimal: " + value.textValue());
    }
    throw new MalformedMessage("field '" + name + "' is not a decimal");
  }

  static double number(JsonNode node, String name) {
    return decimal(node, name).doubleValue();
  }

  static JsonNode array(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new MalformedMessage("field '" + name + "' is not an array");
    }
    return value;
  }
}
