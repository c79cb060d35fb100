package org.tradingnode.http;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.domain.strategy.StrategyConfig;

/** Checks of request input, so that nothing malformed reaches an entity. */
final class Validation {
  /** The shape of an id (strategy, account, exchange): what {@link #ID_RULE} says. */
  static final String ID_REGEX = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
  static final String ID_RULE = "1-64 letters, digits, '_', '.' or '-', starting with a letter or digit";
  /** The shape of a symbol on a venue: what {@link #SYMBOL_RULE} says. */
  static final String SYMBOL_REGEX = "[A-Z0-9]{2,20}";
  static final String SYMBOL_RULE = "2-20 upper-case letters or digits";
  private static final Pattern ID = Pattern.compile(ID_REGEX);
  private static final Pattern SYMBOL = Pattern.compile(SYMBOL_REGEX);

  private Validation() {}

  static String id(String value, String what) {
    if (value == null || !ID.matcher(value).matches()) {
      throw ApiError.badRequest("invalid_" + what, what + " must be " + ID_RULE);
    }
    return value;
  }

  static String reason(ApiModel.ReasonRequest request) {
    if (request.reason() == null || request.reason().isBlank()) {
      throw ApiError.badRequest("missing_reason", "a non-empty 'reason' is required");
    }
    if (request.reason().length() > 500) {
      throw ApiError.badRequest("invalid_reason", "'reason' may be at most 500 characters");
    }
    return request.reason().trim();
  }

  /**
   * The config of a strategy to create, with every field present and well formed, its type and exchange
   * known and its account declared there; what depends on the type (its parameters, its order size
   * against the instruments and the account's limits) is checked by {@link
   * org.tradingnode.core.domain.strategy.StrategyTypes#problemsWith}.
   */
  static StrategyConfig strategy(ApiModel.CreateStrategyRequest r, NodeCatalog catalog) {
    required(r.id(), "id");
    id(r.id(), "id");
    required(r.type(), "type");
    if (!catalog.types().names().contains(r.type())) {
      throw ApiError.badRequest("unknown_strategy_type",
          "unknown strategy type '" + r.type() + "', known: " + new TreeSet<>(catalog.types().names()));
    }
    required(r.exchange(), "exchange");
    if (!catalog.instruments().exchanges().contains(r.exchange())) {
      throw ApiError.badRequest("unknown_exchange", "unknown exchange '" + r.exchange() + "', known: "
          + new TreeSet<>(catalog.instruments().exchanges()));
    }
    required(r.account(), "account");
    catalog.accounts().problemWith(r.exchange(), r.account()).ifPresent(problem -> {
      throw ApiError.badRequest("undeclared_account", problem.message());
    });
    List<String> symbols = r.symbols();
    if (symbols == null || symbols.isEmpty() || symbols.size() > 50) {
      throw ApiError.badRequest("invalid_symbols", "'symbols' must list 1 to 50 symbols, e.g. [\"BTCUSDT\"]");
    }
    for (String s : symbols) {
      if (s == null || !SYMBOL.matcher(s).matches()) {
        throw ApiError.badRequest("invalid_symbols", "symbol '" + s + "' must be " + SYMBOL_RULE);
      }
    }
    Map<String, String> params = new TreeMap<>();
    if (r.params() != null) {
      r.params().forEach((key, value) -> params.put(key, parameter(key, value)));
    }
    return new StrategyConfig(r.id(), r.type(), r.account(), r.exchange(), List.copyOf(symbols), params);
  }

  private static void required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiError.badRequest("missing_field", "'" + field + "' is required");
    }
  }

  /** The parameters of a reconfiguration, as strings. */
  static Map<String, String> params(ApiModel.ParamsRequest r) {
    if (r.params() == null) {
      throw ApiError.badRequest("missing_field", "'params' is required, e.g. {\"params\": {\"orderNotional\": 500}}");
    }
    Map<String, String> params = new TreeMap<>();
    r.params().forEach((key, value) -> params.put(key, parameter(key, value)));
    return params;
  }

  private static String parameter(String key, Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
        throw ApiError.badRequest("invalid_params", "parameter '" + key + "' is not a finite number");
      }
      return new BigDecimal(n.toString()).toPlainString();
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    throw ApiError.badRequest("invalid_params", "parameter '" + key + "' must be a string, number or boolean");
  }

  static RiskLimits limits(ApiModel.LimitsRequest r) {
    if (r.maxOrderNotional() == null || r.maxPositionNotional() == null || r.maxGrossExposure() == null
        || r.maxOpenOrders() == null || r.priceBandPercent() == null || r.maxOrdersPerMinute() == null
        || r.dailyLossLimit() == null) {
      throw ApiError.badRequest("missing_limit", "every limit must be given: maxOrderNotional, "
          + "maxPositionNotional, maxGrossExposure, maxOpenOrders, priceBandPercent, maxOrdersPerMinute, "
          + "dailyLossLimit");
    }
    try {
      return new RiskLimits(r.maxOrderNotional(), r.maxPositionNotional(), r.maxGrossExposure(), r.maxOpenOrders(),
          r.priceBandPercent(), r.maxOrdersPerMinute(), r.dailyLossLimit());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_limit", e.getMessage());
    }
  }

  /** Every status for no filter, the non-final ones for "open", or the one named (any case). */
  static Set<OrderStatus> statuses(String value) {
    if (value == null || value.isBlank()) {
      return EnumSet.allOf(OrderStatus.class);
    }
    if (value.equalsIgnoreCase("open")) {
      return EnumSet.copyOf(Arrays.stream(OrderStatus.values()).filter(s -> !s.isFinal()).toList());
    }
    try {
      return EnumSet.of(OrderStatus.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_status", "status must be 'open' or one of "
          + Arrays.toString(OrderStatus.values()));
    }
  }

  /** A query flag: absent is false; otherwise {@code true} or {@code false}. */
  static boolean flag(String value, String name) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ApiError.badRequest("invalid_" + name, name + " must be true or false");
  }

  static long positiveLong(String value, String name, long fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_" + name, name + " must be a positive integer");
    }
  }

  static int positiveInt(String value, String name, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < 1 || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_" + name, name + " must be an integer from 1 to " + max);
    }
  }
}
