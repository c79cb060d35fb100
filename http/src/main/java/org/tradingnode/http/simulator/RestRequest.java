package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;

/**
 * A received REST request as Binance reads it: the parameters of the query string and of the form
 * body (the query string wins when both carry a name), the exact bytes that were signed (the query
 * string concatenated without separator to the body, each without its {@code signature}), and the
 * {@code X-MBX-APIKEY} header. Empty parameters count as not sent.
 */
record RestRequest(BinanceQuery params, String signaturePayload, Optional<String> apiKey) {

  private static final String LONG_RANGE = "^[0-9]{1,20}$";
  private static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";

  static RestRequest of(String rawQuery, String rawBody, Optional<String> apiKey) {
    BinanceQuery query = BinanceQuery.parse(rawQuery);
    BinanceQuery merged = query;
    for (var param : BinanceQuery.parse(rawBody).params()) {
      if (query.get(param.getKey()).isEmpty()) {
        merged = merged.with(param.getKey(), param.getValue());
      }
    }
    return new RestRequest(merged, withoutSignature(rawQuery) + withoutSignature(rawBody), apiKey);
  }

  Optional<String> param(String name) {
    return params.get(name).filter(v -> !v.isEmpty());
  }

  String required(String name) {
    return param(name).orElseThrow(() -> BinanceError.mandatory(name));
  }

  Optional<Long> longParam(String name) {
    return param(name).map(v -> {
      if (!v.matches(LONG_RANGE)) {
        throw BinanceError.illegalCharacters(name, LONG_RANGE);
      }
      return Long.parseLong(v);
    });
  }

  Optional<BigDecimal> decimalParam(String name) {
    return param(name).map(v -> {
      if (!v.matches(DECIMAL_RANGE)) {
        throw BinanceError.illegalCharacters(name, DECIMAL_RANGE);
      }
      return new BigDecimal(v);
    });
  }

  private static String withoutSignature(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    return Arrays.stream(raw.split("&", -1))
        .filter(part -> !part.equals("signature") && !part.startsWith("signature="))
        .collect(Collectors.joining("&"));
  }
}
