package org.tradingnode.core.domain.strategy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;

/**
 * The strategy types this node knows, and the one place that turns a config into running logic.
 * Creating a strategy validates its parameters here, so a bad config is refused before anything is
 * persisted.
 */
public interface StrategyTypes {

  Set<String> names();

  /** Throws {@link IllegalArgumentException} with a readable message for an unknown type or bad params. */
  TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol);

  /**
   * Why this config cannot run, in words (symbols not all listed on its exchange, an unknown type, bad
   * params); empty when it can.
   */
  default Optional<String> problemWith(StrategyConfig config, InstrumentCatalog catalog) {
    Map<String, Instrument> instruments = catalog.bySymbol(config.exchange(), config.symbols());
    if (config.symbols().isEmpty() || instruments.size() != config.symbols().size()) {
      return Optional.of("symbols " + config.symbols() + " are not all listed on " + config.exchange());
    }
    try {
      create(config, instruments);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

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
