package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Sell {@code sellFraction} of the entry quantity once the price is {@code profitFraction} above the
 * average entry (0.5 = +50 %).
 */
public record TakeProfitPhase(BigDecimal profitFraction, BigDecimal sellFraction) {

  public TakeProfitPhase {
    if (profitFraction.signum() <= 0 || sellFraction.signum() <= 0 || sellFraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("take-profit phase needs a positive profit and a sell fraction in (0, 1]");
    }
  }

  /**
   * Parses {@code "0.5:0.25,1.0:0.25"} (profit:sell fraction pairs); profits must increase and the sell
   * fractions may add up to at most 1.
   */
  public static List<TakeProfitPhase> parse(String text) {
    List<TakeProfitPhase> phases = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (String part : text.split(",")) {
      String[] pair = part.trim().split(":");
      if (pair.length != 2) {
        throw new IllegalArgumentException("take-profit phase '" + part + "' must look like profit:fraction");
      }
      TakeProfitPhase phase;
      try {
        phase = new TakeProfitPhase(new BigDecimal(pair[0].trim()), new BigDecimal(pair[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("take-profit phase '" + part + "' is not numeric");
      }
      if (!phases.isEmpty() && phase.profitFraction.compareTo(phases.get(phases.size() - 1).profitFraction) <= 0) {
        throw new IllegalArgumentException("take-profit levels must increase");
      }
      total = total.add(phase.sellFraction);
      phases.add(phase);
    }
    if (total.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("take-profit sell fractions add up to more than 1");
    }
    return List.copyOf(phases);
  }
}
