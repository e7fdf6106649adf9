package org.loyaltyrules.rules.expression;

import java.util.Locale;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when a compiled expression cannot give a value for the inputs it was given: a division
 * by zero, or a formula whose value is not a number of points the ledger can hold. Carries the
 * position of the operator at fault where there is one. A decision reports it in its errors and
 * handles it as the rule's {@link org.loyaltyrules.core.rule.OnError} says; it never escapes
 * {@code decide}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpressionEvaluationException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  /**
   * Creates the exception for the operator at a position.
   *
   * @param line the operator's line, from 1
   * @param column its column, from 1
   * @param reason what went wrong
   */
  public ExpressionEvaluationException(int line, int column, String reason) {
    super(String.format(Locale.ROOT, "%s at line %d, column %d", reason, line, column));
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /**
   * Creates the exception for the expression as a whole, such as a result out of range.
   *
   * @param reason what went wrong
   */
  public ExpressionEvaluationException(String reason) {
    super(reason);
    this.line = 0;
    this.column = 0;
    this.reason = reason;
  }

  /** Returns the line of the operator at fault, from 1; 0 if the whole expression is. */
  public int line() {
    return line;
  }

  /** Returns the column of the operator at fault, from 1; 0 if the whole expression is. */
  public int column() {
    return column;
  }

  /** Returns what went wrong, without the position. */
  public String reason() {
    return reason;
  }
}
