package org.tradingnode.http.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The REST endpoints the simulator answers, under {@code /api/v3/}, with the security type and the
 * request weight Binance documents for each.
 */
enum Endpoint {
  PING("GET", "ping", Security.NONE),
  TIME("GET", "time", Security.NONE),
  EXCHANGE_INFO("GET", "exchangeInfo", Security.NONE),
  DEPTH("GET", "depth", Security.NONE),
  NEW_ORDER("POST", "order", Security.SIGNED),
  QUERY_ORDER("GET", "order", Security.SIGNED),
  CANCEL_ORDER("DELETE", "order", Security.SIGNED),
  OPEN_ORDERS("GET", "openOrders", Security.SIGNED),
  MY_TRADES("GET", "myTrades", Security.SIGNED),
  ACCOUNT("GET", "account", Security.SIGNED),
  START_USER_STREAM("POST", "userDataStream", Security.API_KEY),
  KEEP_ALIVE_USER_STREAM("PUT", "userDataStream", Security.API_KEY),
  CLOSE_USER_STREAM("DELETE", "userDataStream", Security.API_KEY);

  /** What a request must carry: nothing, the API key header, or the key and a signature. */
  enum Security { NONE, API_KEY, SIGNED }

  private final String method;
  private final String name;
  private final Security security;

  Endpoint(String method, String name, Security security) {
    this.method = method;
    this.name = name;
    this.security = security;
  }

  static Optional<Endpoint> find(String method, String name) {
    return Arrays.stream(values()).filter(e -> e.method.equals(method) && e.name.equals(name)).findFirst();
  }

  String method() {
    return method;
  }

  Security security() {
    return security;
  }

  /** The request weight, which for some endpoints depends on the parameters. */
  int weight(RestRequest request) {
    return switch (this) {
      case PING, TIME, NEW_ORDER, CANCEL_ORDER -> 1;
      case START_USER_STREAM, KEEP_ALIVE_USER_STREAM, CLOSE_USER_STREAM -> 2;
      case QUERY_ORDER -> 4;
      case EXCHANGE_INFO, ACCOUNT -> 20;
      case DEPTH -> depthWeight(request.param("limit").orElse("100"));
      case OPEN_ORDERS -> request.param("symbol").isPresent() ? 6 : 80;
      case MY_TRADES -> request.param("orderId").isPresent() ? 5 : 20;
    };
  }

  private static int depthWeight(String limit) {
    int levels;
    try {
      levels = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return 5;
    }
    if (levels <= 100) {
      return 5;
    }
    if (levels <= 500) {
      return 25;
    }
    return levels <= 1000 ? 50 : 250;
  }
}
