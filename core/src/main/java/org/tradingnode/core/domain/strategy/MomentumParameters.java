package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameters of {@link MomentumStrategy}, parsed from the strategy's string parameters with defaults.
 * {@code entryLimitOffset} 0 enters with a market order; above 0 it enters with a limit order that
 * far (a fraction) below the last trade, which rests until the market comes down to it.
 * Unknown keys are refused: a typo must not silently fall back to a default with real money.
 */
public record MomentumParameters(
    int fastPeriod,
    int slowPeriod,
    BigDecimal orderNotional,
    List<TakeProfitPhase> takeProfit,
    BigDecimal stopLoss,
    boolean exitOnCrossDown,
    BigDecimal entryLimitOffset) {

  static final Set<String> KEYS =
      Set.of("fastPeriod", "slowPeriod", "orderNotional", "takeProfit", "stopLoss", "exitOnCrossDown",
          "entryLimitOffset");

  public MomentumParameters {
    if (fastPeriod <= 0 || slowPeriod <= fastPeriod) {
      throw new IllegalArgumentException("need 0 < fastPeriod < slowPeriod");
    }
    if (orderNotional.signum() <= 0) {
      throw new IllegalArgumentException("orderNotional must be positive");
    }
    if (stopLoss.signum() <= 0 || stopLoss.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("stopLoss must be a fraction in (0, 1)");
    }
    if (entryLimitOffset.signum() < 0 || entryLimitOffset.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("entryLimitOffset must be a fraction in [0, 1)");
    }
  }

  public static MomentumParameters parse(Map<String, String> params) {
    for (String key : params.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown momentum parameter '" + key + "', known: " + KEYS);
      }
    }
    return new MomentumParameters(
        integer(params, "fastPeriod", "9"),
        integer(params, "slowPeriod", "21"),
        decimal(params, "orderNotional", "1000"),
        TakeProfitPhase.parse(params.getOrDefault("takeProfit", "0.5:0.25,1.0:0.25,2.0:0.25,4.0:0.25")),
        decimal(params, "stopLoss", "0.1"),
        bool(params, "exitOnCrossDown", "false"),
        decimal(params, "entryLimitOffset", "0"));
  }

  private static int integer(Map<String, String> params, String key, String fallback) {
    try {
      return Integer.parseInt(params.getOrDefault(key, fallback).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer");
    }
  }

  private static BigDecimal decimal(Map<String, String> params, String key, String fallback) {
    try {
      return new BigDecimal(params.getOrDefault(key, fallback).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number");
    }
  }

  private static boolean bool(Map<String, String> params, String key, String fallback) {
    String value = params.getOrDefault(key, fallback).trim();
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false");
    }
    return Boolean.parseBoolean(value);
  }
}
