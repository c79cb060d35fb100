package org.tradingnode.core.domain.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.risk.RiskLimits;

/**
 * The strategy types this node knows, and the one place that turns a config into running logic.
 * Creating a strategy validates its parameters here, so a bad config is refused before anything is
 * persisted.
 */
public interface StrategyTypes {

  Set<String> names();

  /** Throws {@link IllegalArgumentException} with a readable message for an unknown type or bad params. */
  TradingStrategy create(StrategyConfig config, Map<String, Instrument> instrumentsBySymbol);

  /** The parameters a type takes, when it declares them (with units, defaults and ranges). */
  default Optional<ParameterSet> parameters(String type) {
    return Optional.empty();
  }

  /** The parameters a strategy runs with: those it was given and the defaults of the others. */
  default Map<String, String> paramsInForce(StrategyConfig config) {
    return parameters(config.type()).map(p -> p.inForce(config.params())).orElse(config.params());
  }

  /**
   * Why this config cannot run, in words (symbols not all listed on its exchange, an unknown type, bad
   * params); empty when it can.
   */
  default Optional<String> problemWith(StrategyConfig config, InstrumentCatalog catalog) {
    return problemsWith(config, catalog, Optional.empty()).stream().findFirst().map(ConfigProblem::message);
  }

  /**
   * Every reason this config cannot run, each naming its field: its type unknown, its exchange unknown,
   * symbols not listed there, bad or unknown parameters; and, for a strategy that sizes its orders by
   * value, an order size below a symbol's minimum notional or (given the account's limits) above the
   * largest order its account allows, since every order it placed would be refused.
   */
  default List<ConfigProblem> problemsWith(StrategyConfig config, InstrumentCatalog catalog,
      Optional<RiskLimits> limits) {
    if (!names().contains(config.type())) {
      return List.of(new ConfigProblem("type", "unknown strategy type '" + config.type() + "', known: "
          + new TreeSet<>(names())));
    }
    if (!catalog.exchanges().contains(config.exchange())) {
      return List.of(new ConfigProblem("exchange", "unknown exchange '" + config.exchange() + "', known: "
          + new TreeSet<>(catalog.exchanges())));
    }
    Map<String, Instrument> instruments = catalog.bySymbol(config.exchange(), config.symbols());
    if (config.symbols().isEmpty() || instruments.size() != config.symbols().size()) {
      List<String> unlisted = config.symbols().stream().filter(s -> !instruments.containsKey(s)).toList();
      return List.of(new ConfigProblem("symbols", "symbols " + unlisted + " are not listed on " + config.exchange()
          + "; listed: " + catalog.onExchange(config.exchange()).stream().map(Instrument::symbol).sorted().toList()));
    }
    TradingStrategy strategy;
    try {
      strategy = create(config, instruments);
    } catch (InvalidConfig e) {
      return e.problems();
    } catch (IllegalArgumentException e) {
      return List.of(new ConfigProblem("params", e.getMessage()));
    }
    return strategy.orderSizing().map(sizing -> sizingProblems(sizing, config, instruments, limits))
        .orElse(List.of());
  }

  private static List<ConfigProblem> sizingProblems(OrderSizing sizing, StrategyConfig config,
      Map<String, Instrument> instruments, Optional<RiskLimits> limits) {
    List<ConfigProblem> problems = new ArrayList<>();
    String value = sizing.notional().stripTrailingZeros().toPlainString();
    for (String symbol : config.symbols()) {
      Instrument instrument = instruments.get(symbol);
      if (sizing.notional().compareTo(instrument.minNotional()) < 0) {
        problems.add(ConfigProblem.ofParameter(sizing.parameter(), sizing.parameter() + " " + value
            + " is below the minimum notional " + instrument.minNotional().stripTrailingZeros().toPlainString() + " "
            + instrument.quoteAsset() + " of " + symbol + " on " + config.exchange()
            + ": the venue would refuse every order"));
      }
    }
    limits.filter(l -> sizing.notional().compareTo(l.maxOrderNotional()) > 0).ifPresent(l ->
        problems.add(ConfigProblem.ofParameter(sizing.parameter(), sizing.parameter() + " " + value
            + " exceeds the largest order account " + config.account() + " allows (maxOrderNotional "
            + l.maxOrderNotional().stripTrailingZeros().toPlainString() + "): risk would refuse every order")));
    return problems;
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

      @Override
      public Optional<ParameterSet> parameters(String type) {
        return first.names().contains(type) ? first.parameters(type) : more.parameters(type);
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

      @Override
      public Optional<ParameterSet> parameters(String type) {
        return MomentumStrategy.TYPE.equals(type) ? Optional.of(MomentumParameters.SPEC) : Optional.empty();
      }
    };
  }
}
