package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import org.loyaltyrules.core.LineId;

/**
 * One line of a {@link Return}: how much of a purchase line goes back. The quantity is in the
 * purchase line's unit of measure, greater than zero, may be fractional, and is kept without
 * trailing zeros after the decimal point, so {@code 1.50} and {@code 1.5} give equal lines.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the id of the purchase line returned
 * @param quantity how much of it is returned
 */
public record ReturnLine(LineId line, BigDecimal quantity) {
  /**
   * Validates the line.
   *
   * @throws IllegalArgumentException naming the bad value and the line if either is null or the
   *     quantity is zero or negative
   */
  public ReturnLine {
    checkArgument(line != null, "return line: line id must not be null");
    quantity = Checks.positiveQuantity(quantity, "return line", line);
  }

  /**
   * Returns a line returning a whole number of units of the given purchase line.
   *
   * @throws IllegalArgumentException naming the bad value if the id is null or not a valid line
   *     id, or the quantity is zero or negative
   */
  public static ReturnLine of(String line, long quantity) {
    return new ReturnLine(LineId.of(line), BigDecimal.valueOf(quantity));
  }

  /**
   * Returns a line returning the given quantity of the given purchase line.
   *
   * @throws IllegalArgumentException naming the bad value if either is null or the quantity is
   *     zero or negative
   */
  public static ReturnLine of(LineId line, BigDecimal quantity) {
    return new ReturnLine(line, quantity);
  }
}
