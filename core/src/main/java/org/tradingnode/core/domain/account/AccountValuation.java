package org.tradingnode.core.domain.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tradingnode.core.domain.instrument.Instrument;

/**
 * An account's balances valued in one quote asset at the last prices known: each asset at the price of
 * its pair with the quote asset on the account's exchange, the quote asset at 1. Assets with no such
 * pair or no price yet are left out and named, so an equity is never silently short.
 *
 * @param equity the sum of the valued balances, at the quote asset's scale of the pairs' ticks
 * @param valued each valued asset's worth in the quote asset
 * @param unpriced assets held that could not be valued
 */
public record AccountValuation(String quoteAsset, BigDecimal equity, Map<String, BigDecimal> valued,
    List<String> unpriced) {

  /** Values {@code balances} of an account on {@code instruments}' exchange at {@code lastPrices} (by symbol). */
  public static AccountValuation of(Map<String, BigDecimal> balances, List<Instrument> instruments,
      Map<String, BigDecimal> lastPrices, String quoteAsset) {
    Map<String, BigDecimal> valued = new TreeMap<>();
    TreeSet<String> unpriced = new TreeSet<>();
    BigDecimal equity = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> balance : balances.entrySet()) {
      String asset = balance.getKey();
      Optional<BigDecimal> worth = asset.equals(quoteAsset) ? Optional.of(balance.getValue())
          : instruments.stream().filter(i -> i.baseAsset().equals(asset) && i.quoteAsset().equals(quoteAsset))
              .findFirst().flatMap(i -> Optional.ofNullable(lastPrices.get(i.symbol()))
                  .map(price -> i.notional(price, balance.getValue())));
      if (worth.isPresent()) {
        valued.put(asset, worth.get());
        equity = equity.add(worth.get());
      } else if (balance.getValue().signum() != 0) {
        unpriced.add(asset);
      }
    }
    return new AccountValuation(quoteAsset, equity, Map.copyOf(valued), List.copyOf(unpriced));
  }
}
