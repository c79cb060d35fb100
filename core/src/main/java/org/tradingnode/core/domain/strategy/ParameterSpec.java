package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One parameter a strategy type takes: its name, what kind of value it holds, its unit, the default in
 * force when it is not given, the range it must lie in (numbers only) and what it means.
 */
public record ParameterSpec(String name, Kind kind, String unit, String defaultValue, Range range, String meaning) {

  /** What kind of value a parameter holds. */
  public enum Kind { INTEGER, DECIMAL, BOOLEAN, TEXT }

  /**
   * The values a number may take; a missing end is unbounded. Written in interval notation, e.g.
   * {@code (0, 1)} or {@code [1, ∞)}.
   */
  public record Range(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive) {
    public static final Range ANY = new Range(null, false, null, false);

    /** Numbers above zero. */
    public static Range positive() {
      return new Range(BigDecimal.ZERO, false, null, false);
    }

    /** Numbers from {@code lower} on, {@code lower} included. */
    public static Range atLeast(long lower) {
      return new Range(BigDecimal.valueOf(lower), true, null, false);
    }

    /** A fraction strictly between 0 and 1. */
    public static Range openFraction() {
      return new Range(BigDecimal.ZERO, false, BigDecimal.ONE, false);
    }

    /** A fraction from 0 (included) up to 1 (excluded). */
    public static Range fractionBelowOne() {
      return new Range(BigDecimal.ZERO, true, BigDecimal.ONE, false);
    }

    public boolean contains(BigDecimal value) {
      boolean aboveLower = lower == null || (lowerInclusive ? value.compareTo(lower) >= 0 : value.compareTo(lower) > 0);
      boolean belowUpper = upper == null || (upperInclusive ? value.compareTo(upper) <= 0 : value.compareTo(upper) < 0);
      return aboveLower && belowUpper;
    }

    @Override
    public String toString() {
      return (lower != null && lowerInclusive ? "[" : "(") + (lower == null ? "-∞" : lower.toPlainString()) + ", "
          + (upper == null ? "∞" : upper.toPlainString()) + (upper != null && upperInclusive ? "]" : ")");
    }
  }

  public static ParameterSpec integer(String name, String unit, int defaultValue, Range range, String meaning) {
    return new ParameterSpec(name, Kind.INTEGER, unit, Integer.toString(defaultValue), range, meaning);
  }

  public static ParameterSpec decimal(String name, String unit, String defaultValue, Range range, String meaning) {
    return new ParameterSpec(name, Kind.DECIMAL, unit, defaultValue, range, meaning);
  }

  public static ParameterSpec bool(String name, boolean defaultValue, String meaning) {
    return new ParameterSpec(name, Kind.BOOLEAN, "", Boolean.toString(defaultValue), Range.ANY, meaning);
  }

  public static ParameterSpec text(String name, String unit, String defaultValue, String meaning) {
    return new ParameterSpec(name, Kind.TEXT, unit, defaultValue, Range.ANY, meaning);
  }

  /** Why {@code value} is not a value of this parameter, in words; empty when it is. */
  public Optional<String> problemWith(String value) {
    String v = value.trim();
    switch (kind) {
      case BOOLEAN:
        return v.equals("true") || v.equals("false") ? Optional.empty()
            : Optional.of(name + " must be true or false, not '" + value + "'");
      case TEXT:
        return v.isEmpty() ? Optional.of(name + " must not be empty") : Optional.empty();
      default:
        BigDecimal number;
        try {
          number = new BigDecimal(v);
        } catch (NumberFormatException e) {
          return Optional.of(name + " must be " + (kind == Kind.INTEGER ? "an integer" : "a number") + ", not '"
              + value + "'");
        }
        if (kind == Kind.INTEGER && (!v.matches("[+-]?[0-9]{1,9}"))) {
          return Optional.of(name + " must be an integer, not '" + value + "'");
        }
        return range.contains(number) ? Optional.empty()
            : Optional.of(name + " must be in " + range + (unit.isEmpty() ? "" : " " + unit) + ", not " + v);
    }
  }
}
