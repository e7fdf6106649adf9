package org.loyaltyrules.rules.expression.runtime;

import java.util.List;

/**
 * Internal: what a compiled expression fixes when it is compiled — its literals, its aggregates,
 * where its two-operand functions and divisions stand, and the program it belongs to. Immutable
 * and thread-safe.
 *
 * @param constants the literals, by index: {@code BigDecimal}, {@code String} or
 *     {@code LocalDate}
 * @param aggregates the aggregates over the order's lines, by index
 * @param sites where each division, remainder, {@code min}, {@code max} and
 *     {@code daysBetween} stands, by index, as {line, column}
 * @param programId the program's id
 * @param programCurrency the program's currency code
 */
public record Plan(List<Object> constants, List<Aggregate> aggregates, List<int[]> sites,
    String programId, String programCurrency) {
  /** Copies the lists. */
  public Plan {
    constants = List.copyOf(constants);
    aggregates = List.copyOf(aggregates);
    sites = sites.stream().map(int[]::clone).toList();
  }

  /**
   * An aggregate over the order's lines: {@code count}, {@code sum}, {@code any} or {@code all}.
   *
   * @param kind which
   * @param value for {@code sum}, the value summed per line; otherwise null
   * @param condition the condition each line is tested with
   */
  public record Aggregate(Kind kind, Term value, Term condition) {}

  /** The aggregates. */
  public enum Kind {
    /** The number of lines for which the condition holds. */
    COUNT,
    /** The sum of the value over the lines for which the condition holds. */
    SUM,
    /** Whether the condition holds for at least one line. */
    ANY,
    /** Whether the condition holds for every line. */
    ALL
  }

  /** A compiled part of an expression, evaluated on a scope. */
  @FunctionalInterface
  public interface Term {
    /** Evaluates the part on the scope. */
    Object evaluate(Scope scope);
  }
}
