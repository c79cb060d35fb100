package org.tradingnode.core.domain.venue.binance;

import static org.tradingnode.core.domain.venue.binance.StrictJson.array;
import static org.tradingnode.core.domain.venue.binance.StrictJson.bool;
import static org.tradingnode.core.domain.venue.binance.StrictJson.decimal;
import static org.tradingnode.core.domain.venue.binance.StrictJson.decimalOf;
import static org.tradingnode.core.domain.venue.binance.StrictJson.integer;
import static org.tradingnode.core.domain.venue.binance.StrictJson.number;
import static org.tradingnode.core.domain.venue.binance.StrictJson.optionalText;
import static org.tradingnode.core.domain.venue.binance.StrictJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.AccountPosition;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.BookTicker;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ControlAnswer;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.DepthUpdate;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ExecutionReport;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.Malformed;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ServerShutdown;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.StreamEnded;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.Trade;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.Unknown;
import org.tradingnode.core.domain.venue.binance.StrictJson.MalformedMessage;

/**
 * Decodes Binance spot WebSocket frames: raw and combined ({@code {"stream":..,"data":..}}) market
 * streams, the user data stream (bare or wrapped in {@code {"subscriptionId":..,"event":..}}) and
 * answers to {@code SUBSCRIBE} requests. Never throws: anything unusable comes back as
 * {@link Malformed} or {@link Unknown}.
 */
public final class BinanceStreamCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BinanceStreamCodec() {}

  public static BinanceStreamEvent decode(String frame) {
    JsonNode root;
    try {
      root = MAPPER.readTree(frame);
    } catch (JsonProcessingException e) {
      return new Malformed("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new Malformed("not a JSON object");
    }
    try {
      return decodeObject(root);
    } catch (MalformedMessage e) {
      return new Malformed(e.getMessage());
    }
  }

  private static BinanceStreamEvent decodeObject(JsonNode root) {
    if (root.has("stream") && root.has("data")) {
      return decodePayload(objectField(root, "data"));
    }
    if (root.has("subscriptionId") && root.has("event")) {
      return decodePayload(objectField(root, "event"));
    }
    if (root.has("id") && (root.has("result") || root.has("error"))) {
      JsonNode error = root.get("error");
      boolean ok = error == null || error.isNull();
      return new ControlAnswer(root.path("id").asLong(-1), ok, ok ? 0 : error.path("code").asInt(0),
          ok ? "" : error.toString());
    }
    return decodePayload(root);
  }

  private static JsonNode objectField(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isObject()) {
      throw new MalformedMessage("field '" + name + "' is not an object");
    }
    return value;
  }

  private static BinanceStreamEvent decodePayload(JsonNode event) {
    JsonNode type = event.get("e");
    if (type == null) {
      if (event.has("u") && event.has("b") && event.has("a") && event.has("B") && event.has("A")) {
        return bookTicker(event);
      }
      return new Unknown("no event type");
    }
    if (!type.isTextual()) {
      throw new MalformedMessage("field 'e' is not a string");
    }
    return switch (type.textValue()) {
      case "trade" -> trade(event);
      case "depthUpdate" -> new DepthUpdate(depthUpdate(event));
      case "executionReport" -> executionReport(event);
      case "outboundAccountPosition" -> accountPosition(event);
      case "listenKeyExpired", "eventStreamTerminated" -> new StreamEnded(type.textValue());
      case "serverShutdown" -> new ServerShutdown(integer(event, "E"));
      default -> new Unknown(type.textValue());
    };
  }

  private static Trade trade(JsonNode e) {
    return new Trade(text(e, "s"), integer(e, "t"), number(e, "p"), number(e, "q"), bool(e, "m"), integer(e, "T"));
  }

  private static BookTicker bookTicker(JsonNode e) {
    return new BookTicker(text(e, "s"), integer(e, "u"), number(e, "b"), number(e, "B"), number(e, "a"),
        number(e, "A"));
  }

  private static BookDelta depthUpdate(JsonNode e) {
    return new BookDelta(text(e, "s"), integer(e, "E"), integer(e, "U"), integer(e, "u"), false,
        levels(array(e, "b"), "b"), levels(array(e, "a"), "a"));
  }

  /** {@code [["price","quantity"], ...]} as in depth snapshots and diffs. */
  static List<PriceLevel> levels(JsonNode array, String name) {
    List<PriceLevel> levels = new ArrayList<>(array.size());
    for (JsonNode pair : array) {
      if (!pair.isArray() || pair.size() < 2) {
        throw new MalformedMessage("field '" + name + "' holds a level that is not [price, quantity]");
      }
      levels.add(new PriceLevel(decimalOf(pair.get(0), name).doubleValue(),
          decimalOf(pair.get(1), name).doubleValue()));
    }
    return levels;
  }

  private static ExecutionReport executionReport(JsonNode e) {
    String commissionAsset = optionalText(e, "N");
    return new ExecutionReport(
        text(e, "s"),
        text(e, "c"),
        optionalText(e, "C"),
        side(text(e, "S")),
        text(e, "o"),
        text(e, "x"),
        text(e, "X"),
        text(e, "r"),
        integer(e, "i"),
        decimal(e, "l"),
        decimal(e, "z"),
        decimal(e, "L"),
        decimal(e, "n"),
        commissionAsset,
        integer(e, "t"),
        bool(e, "m"),
        integer(e, "T"));
  }

  private static AccountPosition accountPosition(JsonNode e) {
    Map<String, BigDecimal> free = new HashMap<>();
    for (JsonNode balance : array(e, "B")) {
      free.put(text(balance, "a"), decimal(balance, "f"));
    }
    return new AccountPosition(integer(e, "E"), free);
  }

  static Side side(String side) {
    return switch (side) {
      case "BUY" -> Side.BUY;
      case "SELL" -> Side.SELL;
      default -> throw new MalformedMessage("unknown side '" + side + "'");
    };
  }
}
