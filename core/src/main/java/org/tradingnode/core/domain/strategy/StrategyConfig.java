package org.tradingnode.core.domain.strategy;

import java.util.List;
import java.util.Map;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * What a strategy is: its id, type, the account and exchange it trades on, its symbols and its
 * type-specific parameters (strings, parsed and checked by the strategy type).
 */
public record StrategyConfig(
    String id, String type, String account, String exchange, List<String> symbols, Map<String, String> params)
    implements CborSerializable {

  public StrategyConfig {
    symbols = List.copyOf(symbols);
    params = Map.copyOf(params);
  }

  /** This config with {@code given} replacing its parameters, or (with {@code merge}) set over them. */
  public StrategyConfig withParams(Map<String, String> given, boolean merge) {
    Map<String, String> next = new java.util.HashMap<>(merge ? params : Map.of());
    next.putAll(given);
    return new StrategyConfig(id, type, account, exchange, symbols, next);
  }

  /** {@code exchange:account}, the connection this strategy's orders go through. */
  public String connectionId() {
    return exchange + ":" + account;
  }
}
