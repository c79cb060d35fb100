package org.tradingnode.core.domain.strategy;

import java.util.List;
import java.util.stream.Collectors;

/** A strategy config refused for the problems it names (all of them, not just the first). */
public final class InvalidConfig extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;

  public InvalidConfig(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public static InvalidConfig of(String field, String message) {
    return new InvalidConfig(List.of(new ConfigProblem(field, message)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
