package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

/**
 * The parameters of {@code POST /api/v3/order}, checked as Binance checks them before an order
 * reaches the matching engine: {@code type} MARKET or LIMIT, {@code timeInForce} GTC or IOC (LIMIT
 * only), {@code quantity} in base units, {@code price} for LIMIT only, {@code newClientOrderId}
 * (generated when absent), {@code newOrderRespType} ACK, RESULT or FULL (the default). The
 * PRICE_FILTER, LOT_SIZE and, for limit orders, NOTIONAL filters are applied here; a market
 * order's notional needs the book and is checked by the venue.
 *
 * @param clientOrderId the client's id, or empty when the venue should generate one
 */
record NewOrder(Instrument instrument, Side side, OrderType type, BigDecimal quantity, BigDecimal price,
    Optional<String> clientOrderId, ResponseType responseType) {

  /** How much the answer to a new order says. */
  enum ResponseType { ACK, RESULT, FULL }

  static final String CLIENT_ORDER_ID_RANGE = "^[a-zA-Z0-9-_]{1,36}$";

  static NewOrder parse(RestRequest request, Map<String, Instrument> instruments) {
    Instrument instrument = instruments.get(request.required("symbol"));
    if (instrument == null) {
      throw BinanceError.invalidSymbol();
    }
    Side side = switch (request.required("side")) {
      case "BUY" -> Side.BUY;
      case "SELL" -> Side.SELL;
      default -> throw BinanceError.badRequest(-1117, "Invalid side.");
    };
    OrderType type = orderType(request);
    BigDecimal quantity = request.decimalParam("quantity").orElseThrow(() -> BinanceError.mandatory("quantity"));
    BigDecimal price = null;
    if (type == OrderType.MARKET) {
      if (request.param("price").isPresent()) {
        throw BinanceError.notRequired("price");
      }
    } else {
      price = request.decimalParam("price").orElseThrow(() -> BinanceError.mandatory("price"));
    }
    Optional<String> clientOrderId = request.param("newClientOrderId");
    if (clientOrderId.isPresent() && !clientOrderId.get().matches(CLIENT_ORDER_ID_RANGE)) {
      throw BinanceError.illegalCharacters("newClientOrderId", CLIENT_ORDER_ID_RANGE);
    }
    ResponseType responseType = responseType(request.param("newOrderRespType").orElse("FULL"));
    SymbolRules rules = new SymbolRules(instrument);
    if (price != null) {
      rules.checkPrice(price);
    }
    rules.checkQuantity(quantity);
    if (price != null) {
      rules.checkNotional(price, quantity);
    }
    return new NewOrder(instrument, side, type, quantity, price, clientOrderId, responseType);
  }

  private static OrderType orderType(RestRequest request) {
    String type = request.required("type");
    Optional<String> timeInForce = request.param("timeInForce");
    if (type.equals("MARKET")) {
      if (timeInForce.isPresent()) {
        throw BinanceError.notRequired("timeInForce");
      }
      return OrderType.MARKET;
    }
    if (!type.equals("LIMIT")) {
      throw BinanceError.badRequest(-1116, "Invalid orderType.");
    }
    return switch (timeInForce.orElseThrow(() -> BinanceError.mandatory("timeInForce"))) {
      case "GTC" -> OrderType.LIMIT;
      case "IOC" -> OrderType.IOC;
      default -> throw BinanceError.badRequest(-1115, "Invalid timeInForce.");
    };
  }

  private static ResponseType responseType(String value) {
    try {
      return ResponseType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw BinanceError.illegalCharacters("newOrderRespType", "ACK, RESULT, FULL");
    }
  }
}
