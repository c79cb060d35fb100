package org.tradingnode.core.venue.binance;

import org.tradingnode.core.domain.venue.binance.BinanceRest.ApiError;

/** How a Binance REST request ended. */
public sealed interface BinanceAnswer {

  /** A 2xx answer with its body. */
  record Ok(String body) implements BinanceAnswer {}

  /** Binance refused the request (4xx with an error body): it was not executed. */
  record Refused(int status, ApiError error) implements BinanceAnswer {}

  /**
   * No usable answer: timeout, connection dropped, 5xx, or a body we could not read. Whether the
   * venue executed the request is unknown, so an order placement must be resolved by a query.
   */
  record Lost(String reason) implements BinanceAnswer {}

  /** Not sent: the client holds back after a 429/418 or while its circuit breaker is open. */
  record NotSent(String reason) implements BinanceAnswer {}
}
