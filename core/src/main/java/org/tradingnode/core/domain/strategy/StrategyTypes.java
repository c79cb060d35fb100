package org.tradingnode.core.domain.strategy;

import java.util.Map;
import java.util.Set;
import org.tradingnode.core.domain.instrument.Instrument;

/**
 * The strategy types this node knows, and the one place that turns a config into running logic.
 * Creating a strategy validates its parameters here, so a bad config is refused before anything is
 * persisted.
 */
public interface StrategyTypes {

  Set<String> names();

  /** Throws {@link IllegalArgumentException} with a readable message for an unknown type or bad params. */
  TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol);

  /** The built-in types. */
  static StrategyTypes builtIn() {
    return new StrategyTypes() {
      @Override
      public Set<String> names() {
        return Set.of(MomentumStrategy.TYPE);
      }

      @Override
      public TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol) {
        if (MomentumStrategy.TYPE.equals(config.type())) {
          return new MomentumStrategy(MomentumParameters.parse(config.params()), instrumentsBySymbol);
        }
        throw new IllegalArgumentException("unknown strategy type '" + config.type() + "', known: " + names());
      }
    };
  }
}
