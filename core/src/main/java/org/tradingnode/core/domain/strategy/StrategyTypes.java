package org.tradingnode.core.domain.strategy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** These types and {@code more}; a name both know is taken from this one. */
  default StrategyTypes with(StrategyTypes more) {
    StrategyTypes first = this;
    return new StrategyTypes() {
      @Override
      public Set<String> names() {
        Set<String> all = new TreeSet<>(first.names());
        all.addAll(more.names());
        return Set.copyOf(all);
      }

      @Override
      public TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol) {
        return first.names().contains(config.type()) ? first.create(config, instrumentsBySymbol)
            : more.create(config, instrumentsBySymbol);
      }
    };
  }

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
