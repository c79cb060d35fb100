package org.tradingnode.core.domain.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters of one strategy type. It checks given parameters (every unknown name and every bad
 * value at once, so a typo never falls back to a default with real money) and says which values are in
 * force: the given ones and the defaults of the others.
 */
public record ParameterSet(List<ParameterSpec> specs) {

  public ParameterSet {
    specs = List.copyOf(specs);
  }

  public static ParameterSet of(ParameterSpec... specs) {
    return new ParameterSet(List.of(specs));
  }

  public Optional<ParameterSpec> find(String name) {
    return specs.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every problem of {@code given}: unknown names, values of the wrong kind or out of range. */
  public List<ConfigProblem> problems(Map<String, String> given) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(given).entrySet()) {
      Optional<ParameterSpec> spec = find(e.getKey());
      if (spec.isEmpty()) {
        problems.add(ConfigProblem.ofParameter(e.getKey(), "unknown parameter '" + e.getKey() + "', known: "
            + names()));
      } else {
        spec.get().problemWith(e.getValue()).ifPresent(p -> problems.add(ConfigProblem.ofParameter(e.getKey(), p)));
      }
    }
    return problems;
  }

  /** The values in force, in the order of the specs: each given value (trimmed), else the default. */
  public Map<String, String> inForce(Map<String, String> given) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      String value = given.get(spec.name());
      values.put(spec.name(), value == null ? spec.defaultValue() : value.trim());
    }
    return values;
  }

  /** Checks {@code given} and answers the values in force; throws {@link InvalidConfig} naming every problem. */
  public Map<String, String> require(Map<String, String> given) {
    List<ConfigProblem> problems = problems(given);
    if (!problems.isEmpty()) {
      throw new InvalidConfig(problems);
    }
    return inForce(given);
  }

  public List<String> names() {
    return specs.stream().map(ParameterSpec::name).toList();
  }
}
