package org.tradingnode.core.domain.strategy;

/**
 * Why a strategy's config cannot run, for one field of it: {@code field} is the config's field
 * ({@code account}, {@code exchange}, {@code symbols}) or {@code params.<name>} for a parameter, or
 * {@code params} when the problem lies between parameters.
 */
public record ConfigProblem(String field, String message) {

  public static ConfigProblem ofParameter(String name, String message) {
    return new ConfigProblem("params." + name, message);
  }
}
