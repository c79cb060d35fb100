package org.tradingnode.core.domain.venue.binance;

import static org.tradingnode.core.domain.venue.binance.StrictJson.array;
import static org.tradingnode.core.domain.venue.binance.StrictJson.bool;
import static org.tradingnode.core.domain.venue.binance.StrictJson.decimal;
import static org.tradingnode.core.domain.venue.binance.StrictJson.integer;
import static org.tradingnode.core.domain.venue.binance.StrictJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.venue.binance.BinanceRest.Account;
import org.tradingnode.core.domain.venue.binance.BinanceRest.AccountTrade;
import org.tradingnode.core.domain.venue.binance.BinanceRest.ApiError;
import org.tradingnode.core.domain.venue.binance.BinanceRest.DepthSnapshot;
import org.tradingnode.core.domain.venue.binance.BinanceRest.OrderFill;
import org.tradingnode.core.domain.venue.binance.BinanceRest.OrderState;
import org.tradingnode.core.domain.venue.binance.BinanceRest.SymbolRules;
import org.tradingnode.core.domain.venue.binance.StrictJson.MalformedMessage;

/**
 * Decodes Binance spot REST answers. A body that does not match the documented shape throws
 * {@link IllegalArgumentException} naming the field, so the caller can count it and treat the answer
 * as lost rather than act on a guess.
 */
public final class BinanceRestCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BinanceRestCodec() {}

  /** The error body of a refused request, if the body is one. */
  public static Optional<ApiError> error(String body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root != null && root.isObject() && root.path("code").isIntegralNumber() && root.path("msg").isTextual()) {
        return Optional.of(new ApiError(root.get("code").intValue(), root.get("msg").textValue()));
      }
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  public static long serverTime(String body) {
    return read(body, root -> integer(root, "serverTime"));
  }

  public static List<SymbolRules> symbols(String body) {
    return read(body, root -> {
      List<SymbolRules> out = new ArrayList<>();
      for (JsonNode s : array(root, "symbols")) {
        out.add(symbolRules(s));
      }
      return out;
    });
  }

  private static SymbolRules symbolRules(JsonNode s) {
    BigDecimal tick = null;
    BigDecimal step = null;
    BigDecimal minNotional = BigDecimal.ZERO;
    for (JsonNode filter : s.path("filters")) {
      switch (filter.path("filterType").asText()) {
        case "PRICE_FILTER" -> tick = decimal(filter, "tickSize");
        case "LOT_SIZE" -> step = decimal(filter, "stepSize");
        case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = decimal(filter, "minNotional");
        default -> { }
      }
    }
    if (tick == null || step == null) {
      throw new MalformedMessage("symbol " + s.path("symbol").asText() + " has no PRICE_FILTER or LOT_SIZE filter");
    }
    return new SymbolRules(text(s, "symbol"), text(s, "status"), text(s, "baseAsset"), text(s, "quoteAsset"),
        tick, step, minNotional);
  }

  public static DepthSnapshot depth(String symbol, String body, long receivedAt) {
    return read(body, root -> {
      long lastUpdateId = integer(root, "lastUpdateId");
      return new DepthSnapshot(new BookDelta(symbol, receivedAt, lastUpdateId, lastUpdateId, true,
          BinanceStreamCodec.levels(array(root, "bids"), "bids"),
          BinanceStreamCodec.levels(array(root, "asks"), "asks")));
    });
  }

  public static OrderState order(String body) {
    return read(body, BinanceRestCodec::orderState);
  }

  public static List<OrderState> orders(String body) {
    return read(body, root -> {
      if (!root.isArray()) {
        throw new MalformedMessage("expected an array of orders");
      }
      List<OrderState> out = new ArrayList<>();
      root.forEach(o -> out.add(orderState(o)));
      return out;
    });
  }

  private static OrderState orderState(JsonNode o) {
    long time = o.has("transactTime") ? integer(o, "transactTime")
        : o.has("updateTime") ? integer(o, "updateTime") : integer(o, "time");
    List<OrderFill> fills = new ArrayList<>();
    if (o.has("fills")) {
      for (JsonNode f : array(o, "fills")) {
        fills.add(new OrderFill(integer(f, "tradeId"), decimal(f, "price"), decimal(f, "qty"),
            decimal(f, "commission"), text(f, "commissionAsset")));
      }
    }
    return new OrderState(text(o, "symbol"), integer(o, "orderId"), text(o, "clientOrderId"),
        BinanceStreamCodec.side(text(o, "side")), text(o, "type"), text(o, "status"), decimal(o, "price"),
        decimal(o, "origQty"), decimal(o, "executedQty"), time, fills);
  }

  public static List<AccountTrade> trades(String body) {
    return read(body, root -> {
      if (!root.isArray()) {
        throw new MalformedMessage("expected an array of trades");
      }
      List<AccountTrade> out = new ArrayList<>();
      for (JsonNode t : root) {
        out.add(new AccountTrade(text(t, "symbol"), integer(t, "id"), integer(t, "orderId"), decimal(t, "price"),
            decimal(t, "qty"), decimal(t, "commission"), text(t, "commissionAsset"), integer(t, "time"),
            bool(t, "isBuyer"), bool(t, "isMaker")));
      }
      return out;
    });
  }

  public static Account account(String body) {
    return read(body, root -> {
      Map<String, BigDecimal> free = new HashMap<>();
      for (JsonNode b : array(root, "balances")) {
        free.put(text(b, "asset"), decimal(b, "free"));
      }
      return new Account(free);
    });
  }

  public static String listenKey(String body) {
    return read(body, root -> text(root, "listenKey"));
  }

  private static <T> T read(String body, Function<JsonNode, T> decoder) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null) {
      throw new IllegalArgumentException("empty body");
    }
    try {
      return decoder.apply(root);
    } catch (MalformedMessage e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
