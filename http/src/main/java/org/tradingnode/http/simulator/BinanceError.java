package org.tradingnode.http.simulator;

/**
 * An answer in Binance's error shape, {@code {"code": -1022, "msg": "..."}}, with the HTTP status
 * Binance gives it. Codes and messages are those of Binance's spot error documentation.
 */
final class BinanceError extends RuntimeException {
  private final int status;
  private final int code;

  BinanceError(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static BinanceError badRequest(int code, String message) {
    return new BinanceError(400, code, message);
  }

  static BinanceError mandatory(String parameter) {
    return badRequest(-1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
  }

  static BinanceError illegalCharacters(String parameter, String legalRange) {
    return badRequest(-1100, "Illegal characters found in parameter '" + parameter + "'; legal range is '"
        + legalRange + "'.");
  }

  static BinanceError notRequired(String parameter) {
    return badRequest(-1106, "Parameter '" + parameter + "' sent when not required.");
  }

  static BinanceError invalidSymbol() {
    return badRequest(-1121, "Invalid symbol.");
  }

  static BinanceError filterFailure(String filter) {
    return badRequest(-1013, "Filter failure: " + filter);
  }

  static BinanceError orderRejected(String message) {
    return badRequest(-2010, message);
  }

  static BinanceError unknownOrder() {
    return badRequest(-2011, "Unknown order sent.");
  }

  static BinanceError noSuchOrder() {
    return badRequest(-2013, "Order does not exist.");
  }

  static BinanceError invalidListenKey() {
    return badRequest(-1125, "This listenKey does not exist.");
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }
}
