package org.loyaltyrules.rules.expression;

import java.util.Locale;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when expression text is outside the language or does not fit where it is used: a
 * character or construct the grammar does not have, an unknown name, a type that does not fit,
 * text past the size limits. Carries the position, so an author can find the mistake.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpressionException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param line the line of the offending text, from 1
   * @param column its column, from 1
   * @param reason what is wrong, naming the offending text
   */
  public ExpressionException(int line, int column, String reason) {
    super(String.format(Locale.ROOT, "line %d, column %d: %s", line, column, reason));
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** Returns the line of the offending text, from 1. */
  public int line() {
    return line;
  }

  /** Returns the column of the offending text, from 1. */
  public int column() {
    return column;
  }

  /** Returns what is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
