package org.tradingnode.core.domain.venue.bybit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.Liquidation;
import org.tradingnode.core.domain.market.PositionSide;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.CommandResponse;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Liquidations;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Malformed;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Pong;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.PublicTrades;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Unknown;

/**
 * Decodes the text frames of a Bybit v5 public WebSocket (docs/v5/websocket/public/orderbook.mdx,
 * trade.mdx, all-liquidation.mdx; control responses in wss-authentication.mdx) into
 * {@link BybitPublicMessage}s with normalized market events.
 *
 * <p>Fields are held to their documented types: prices and sizes are decimal strings, ids and
 * timestamps are JSON integers, sides are {@code Buy} or {@code Sell}. A frame that breaks this is
 * {@link Malformed} as a whole: a half-read book update would corrupt the book, so no part of it is
 * used. Stateless and thread-safe.
 */
public final class BybitPublicMessages {
  /** The venue name carried by the events this codec makes. */
  public static final String VENUE = "bybit";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
  private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

  private BybitPublicMessages() {}

  /** Decodes one text frame; never throws. */
  public static BybitPublicMessage parse(String frame) {
    JsonNode root;
    try {
      root = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      return new Malformed("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new Malformed("not a JSON object");
    }
    try {
      if (root.has("topic")) {
        return parsePush(root);
      }
      if (root.has("op")) {
        return parseControl(root);
      }
      if (root.path("type").asText().equals("COMMAND_RESP")) {
        JsonNode failed = root.path("data").path("failTopics");
        return new CommandResponse("command", bool(root, "success"), failed.isEmpty() ? "" : "failed: " + failed);
      }
      return new Malformed("neither a topic nor an op");
    } catch (InvalidField e) {
      return new Malformed(e.getMessage());
    }
  }

  private static BybitPublicMessage parsePush(JsonNode root) {
    String topic = text(root, "topic");
    if (BybitTopics.isOrderBook(topic)) {
      return bookUpdate(topic, root);
    }
    String kind = topic.substring(0, Math.max(topic.indexOf('.'), 0));
    if (kind.equals(BybitTopics.PUBLIC_TRADE)) {
      return new PublicTrades(topic, dataItems(root, false).stream().map(BybitPublicMessages::trade).toList());
    }
    if (kind.equals(BybitTopics.ALL_LIQUIDATION)) {
      return new Liquidations(topic, dataItems(root, true).stream().map(BybitPublicMessages::liquidation).toList());
    }
    return new Unknown(topic);
  }

  private static BookUpdate bookUpdate(String topic, JsonNode root) {
    String type = text(root, "type");
    if (!type.equals("snapshot") && !type.equals("delta")) {
      throw new InvalidField("type must be snapshot or delta, was " + type);
    }
    JsonNode data = object(root, "data");
    String symbol = text(data, "s");
    if (!topic.endsWith("." + symbol)) {
      throw new InvalidField("symbol " + symbol + " does not match topic " + topic);
    }
    long updateId = integer(data, "u");
    // cts is the matching engine's time, the one public trades carry; ts is when the feed sent it
    long timestamp = root.has("cts") ? integer(root, "cts") : integer(root, "ts");
    BookDelta delta = new BookDelta(symbol, timestamp, updateId, updateId, type.equals("snapshot"),
        levels(data, "b"), levels(data, "a"));
    return new BookUpdate(topic, delta, integer(data, "seq"));
  }

  private static Trade trade(JsonNode item) {
    return new Trade(text(item, "s"), integer(item, "T"), tradeId(text(item, "i")), decimal(item, "p"),
        decimal(item, "v"), side(item));
  }

  /** {@code S} is the side of the liquidated position: {@code Buy} means a long was liquidated. */
  private static Liquidation liquidation(JsonNode item) {
    PositionSide liquidated = side(item) == Side.BUY ? PositionSide.LONG : PositionSide.SHORT;
    return new Liquidation(text(item, "s"), integer(item, "T"), liquidated, decimal(item, "p"), decimal(item, "v"),
        VENUE);
  }

  private static BybitPublicMessage parseControl(JsonNode root) {
    String op = text(root, "op");
    return switch (op) {
      // spot and linear answer a ping with op "ping" and ret_msg "pong"; option and private with op "pong"
      case "ping", "pong" -> Pong.INSTANCE;
      case "subscribe", "unsubscribe", "auth" ->
          new CommandResponse(op, bool(root, "success"), root.path("ret_msg").asText(""));
      default -> new Unknown(op);
    };
  }

  private static List<PriceLevel> levels(JsonNode data, String field) {
    JsonNode side = data.get(field);
    if (side == null || !side.isArray()) {
      throw new InvalidField(field + " must be an array of [price, size]");
    }
    List<PriceLevel> levels = new ArrayList<>(side.size());
    for (JsonNode level : side) {
      if (!level.isArray() || level.size() != 2) {
        throw new InvalidField(field + " holds a level that is not [price, size]");
      }
      levels.add(new PriceLevel(decimalValue(level.get(0), field + " price"),
          decimalValue(level.get(1), field + " size")));
    }
    return levels;
  }

  /**
   * The objects in a push's {@code data} array. The liquidation page's table calls its data an object
   * while its example sends an array of them, so {@code singleAllowed} accepts either.
   */
  private static List<JsonNode> dataItems(JsonNode root, boolean singleAllowed) {
    JsonNode data = root.get("data");
    if (singleAllowed && data != null && data.isObject()) {
      return List.of(data);
    }
    if (data == null || !data.isArray()) {
      throw new InvalidField("data must be an array of objects");
    }
    List<JsonNode> items = new ArrayList<>(data.size());
    for (JsonNode item : data) {
      if (!item.isObject()) {
        throw new InvalidField("data must be an array of objects");
      }
      items.add(item);
    }
    return items;
  }

  /**
   * Spot trade ids are decimal numbers; derivatives trade ids are UUIDs, folded into 64 bits (stable
   * and, for a feed's lifetime, practically unique, but not ordered).
   */
  private static long tradeId(String id) {
    if (DIGITS.matcher(id).matches()) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        throw new InvalidField("trade id does not fit 64 bits: " + id);
      }
    }
    if (UUID_TEXT.matcher(id).matches()) {
      UUID uuid = UUID.fromString(id);
      return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
    }
    throw new InvalidField("trade id is neither a number nor a UUID: " + id);
  }

  private static Side side(JsonNode item) {
    String side = text(item, "S");
    return switch (side) {
      case "Buy" -> Side.BUY;
      case "Sell" -> Side.SELL;
      default -> throw new InvalidField("S must be Buy or Sell, was " + side);
    };
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new InvalidField(field + " must be an object");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidField(field + " must be a string");
    }
    return value.textValue();
  }

  private static long integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidField(field + " must be an integer");
    }
    return value.longValue();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw new InvalidField(field + " must be true or false");
    }
    return value.booleanValue();
  }

  private static double decimal(JsonNode node, String field) {
    return decimalValue(node.get(field), field);
  }

  private static double decimalValue(JsonNode value, String name) {
    if (value == null || !value.isTextual() || !DECIMAL.matcher(value.textValue()).matches()) {
      throw new InvalidField(name + " must be a decimal string");
    }
    return Double.parseDouble(value.textValue());
  }

  /** A field that is missing or of the wrong type; turned into {@link Malformed} at the top. */
  private static final class InvalidField extends RuntimeException {
    InvalidField(String message) {
      super(message, null, false, false);
    }
  }
}
