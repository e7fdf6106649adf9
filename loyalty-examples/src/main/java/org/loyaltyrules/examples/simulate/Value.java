package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.util.Objects;
import org.loyaltyrules.core.Money;

/**
 * One figure in a summary table: an exact number with the {@link Unit} it is shown in, or a
 * short text (a program file name, "n/a"). The renderers format it; the caller never formats a
 * number itself, so every figure is shown the same way on every machine.
 *
 * <p>Immutable and thread-safe.
 */
public final class Value {
  private final BigDecimal number;
  private final Unit unit;
  private final String text;

  private Value(BigDecimal number, Unit unit, String text) {
    this.number = number;
    this.unit = unit;
    this.text = text;
  }

  /**
   * A number in a unit.
   *
   * @throws IllegalArgumentException if either is null
   */
  public static Value of(BigDecimal number, Unit unit) {
    if (number == null) {
      throw new IllegalArgumentException("number must not be null");
    }
    if (unit == null) {
      throw new IllegalArgumentException("unit must not be null for " + number.toPlainString());
    }
    return new Value(number, unit, null);
  }

  /** A count of things: {@code 12,345}. */
  public static Value count(long count) {
    return new Value(BigDecimal.valueOf(count), Unit.count(), null);
  }

  /**
   * Points: {@code 1,250}.
   *
   * @throws IllegalArgumentException if the amount is null
   */
  public static Value points(BigDecimal amount) {
    return of(amount, Unit.points());
  }

  /**
   * Money: {@code USD 1,234.50}.
   *
   * @throws IllegalArgumentException if the money is null
   */
  public static Value money(Money money) {
    if (money == null) {
      throw new IllegalArgumentException("money must not be null");
    }
    return new Value(money.amount(), Unit.money(money.currency()), null);
  }

  /**
   * A ratio shown as a percentage: {@code ratio(0.25)} shows {@code 25.0%}.
   *
   * @throws IllegalArgumentException if the ratio is null
   */
  public static Value ratio(BigDecimal ratio) {
    return of(ratio, Unit.percent());
  }

  /**
   * A text shown as it is (after escaping where the output needs it).
   *
   * @throws IllegalArgumentException if the text is null
   */
  public static Value text(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    return new Value(null, null, text);
  }

  /** The value as shown: the number formatted in its unit, or the text. */
  public String formatted() {
    return text != null ? text : unit.format(number);
  }

  /** Whether the value is a number shown right-aligned, rather than a text. */
  boolean isNumber() {
    return text == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Value other && Objects.equals(number, other.number)
        && Objects.equals(unit, other.unit) && Objects.equals(text, other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, unit, text);
  }

  @Override
  public String toString() {
    return formatted();
  }
}
