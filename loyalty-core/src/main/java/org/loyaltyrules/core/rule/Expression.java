package org.loyaltyrules.core.rule;

import org.loyaltyrules.core.internal.Checks;

/**
 * The text of an expression in the library's expression language: a rule's condition
 * ({@code order.total >= 20 && inSegment('students')}), a points formula
 * ({@code floor(order.total) * 2 + 50}) or an offer's targeting. This is data only; the rules
 * module parses it, checks its names and types against the place it is used, and compiles it
 * when the program is compiled, reporting any mistake with its line and column. The language
 * has literals, read-only variable paths, an allowlist of functions, arithmetic, comparison and
 * boolean logic, and nothing else: no method calls, no class names, no assignment, no loops.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the expression, as written; not blank
 */
public record Expression(String text) {
  /** Validates the text; throws {@link IllegalArgumentException} if it is null or blank. */
  public Expression {
    Checks.text(text, "expression");
  }

  /**
   * Returns the expression with the given text.
   *
   * @throws IllegalArgumentException if it is null or blank
   */
  public static Expression of(String text) {
    return new Expression(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
