package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tradingnode.core.domain.strategy.ParameterSpec.Range;

/**
 * Parameters of {@link MomentumStrategy}, parsed from the strategy's string parameters with the
 * defaults of {@link #SPEC}. {@code entryLimitOffset} 0 enters with a market order; above 0 it enters
 * with a limit order that far (a fraction) below the last trade, which rests until the market comes
 * down to it. Unknown keys are refused: a typo must not silently fall back to a default with real money.
 */
public record MomentumParameters(
    int fastPeriod,
    int slowPeriod,
    BigDecimal orderNotional,
    List<TakeProfitPhase> takeProfit,
    BigDecimal stopLoss,
    boolean exitOnCrossDown,
    BigDecimal entryLimitOffset) {

  /** The parameters of the momentum type, with their units, defaults, ranges and meaning. */
  public static final ParameterSet SPEC = ParameterSet.of(
      ParameterSpec.integer("fastPeriod", "trades", 9, Range.atLeast(1),
          "period of the fast EMA of trade prices; must be below slowPeriod"),
      ParameterSpec.integer("slowPeriod", "trades", 21, Range.atLeast(2),
          "period of the slow EMA of trade prices; an entry follows the fast EMA crossing above it"),
      ParameterSpec.decimal("orderNotional", "quote asset", "1000", Range.positive(),
          "value of each entry order, e.g. USDT for BTCUSDT; at least the symbol's minimum notional and at most "
              + "the account's maxOrderNotional"),
      ParameterSpec.text("takeProfit", "profit:fraction,...", "0.5:0.25,1.0:0.25,2.0:0.25,4.0:0.25",
          "exit phases: at each profit (a fraction above the average entry, 0.5 = +50 %) sell that fraction of "
              + "the entry quantity; profits increase, fractions add up to at most 1"),
      ParameterSpec.decimal("stopLoss", "fraction of entry price", "0.1", Range.openFraction(),
          "sell the whole position once the price is this fraction below the average entry (0.1 = -10 %)"),
      ParameterSpec.bool("exitOnCrossDown", false, "also sell the whole position when the fast EMA crosses below "
          + "the slow one"),
      ParameterSpec.decimal("entryLimitOffset", "fraction of last price", "0", Range.fractionBelowOne(),
          "0: enter with a market order; above 0: with a limit order this fraction below the last trade"));

  public MomentumParameters {
    if (fastPeriod <= 0 || slowPeriod <= fastPeriod) {
      throw InvalidConfig.of("params.slowPeriod", "slowPeriod (" + slowPeriod + ") must be above fastPeriod ("
          + fastPeriod + ")");
    }
    if (orderNotional.signum() <= 0) {
      throw InvalidConfig.of("params.orderNotional", "orderNotional must be positive");
    }
    if (stopLoss.signum() <= 0 || stopLoss.compareTo(BigDecimal.ONE) >= 0) {
      throw InvalidConfig.of("params.stopLoss", "stopLoss must be a fraction in (0, 1)");
    }
    if (entryLimitOffset.signum() < 0 || entryLimitOffset.compareTo(BigDecimal.ONE) >= 0) {
      throw InvalidConfig.of("params.entryLimitOffset", "entryLimitOffset must be a fraction in [0, 1)");
    }
  }

  /** Throws {@link InvalidConfig} naming every unknown or bad parameter. */
  public static MomentumParameters parse(Map<String, String> params) {
    Map<String, String> values = SPEC.require(params);
    List<TakeProfitPhase> phases;
    try {
      phases = TakeProfitPhase.parse(values.get("takeProfit"));
    } catch (IllegalArgumentException e) {
      throw InvalidConfig.of("params.takeProfit", "takeProfit: " + e.getMessage());
    }
    return new MomentumParameters(
        Integer.parseInt(values.get("fastPeriod")),
        Integer.parseInt(values.get("slowPeriod")),
        new BigDecimal(values.get("orderNotional")),
        phases,
        new BigDecimal(values.get("stopLoss")),
        Boolean.parseBoolean(values.get("exitOnCrossDown")),
        new BigDecimal(values.get("entryLimitOffset")));
  }
}
