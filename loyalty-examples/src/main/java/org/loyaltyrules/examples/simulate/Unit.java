package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * How a figure is shown: a count, points, money in one currency, a percentage, or a plain
 * decimal. Every unit formats exactly, with digits grouped by commas and a fixed number of
 * decimal places, the same on every machine whatever its locale.
 *
 * <p>Immutable and thread-safe.
 */
public final class Unit {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Unit COUNT = new Unit(Kind.COUNT, 0, null);
  private static final Unit POINTS = new Unit(Kind.POINTS, 0, null);
  private static final Unit PERCENT = new Unit(Kind.PERCENT, 1, null);

  private enum Kind { COUNT, POINTS, MONEY, PERCENT, DECIMAL }

  private final Kind kind;
  private final int decimals;
  private final Currency currency;

  private Unit(Kind kind, int decimals, Currency currency) {
    this.kind = kind;
    this.decimals = decimals;
    this.currency = currency;
  }

  /** Whole things (members, visits): {@code 12,345}. */
  public static Unit count() {
    return COUNT;
  }

  /** Points, rounded to whole points: {@code 1,250}. */
  public static Unit points() {
    return POINTS;
  }

  /**
   * Money in the currency, with its usual decimal places: {@code USD 1,234.50}.
   *
   * @throws IllegalArgumentException if the currency is null or has no decimal places defined
   */
  public static Unit money(Currency currency) {
    if (currency == null) {
      throw new IllegalArgumentException("currency must not be null");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
          + " has no decimal places defined and cannot hold money");
    }
    return new Unit(Kind.MONEY, currency.getDefaultFractionDigits(), currency);
  }

  /**
   * A ratio shown as a percentage with one decimal: the value {@code 0.1234} shows as
   * {@code 12.3%}.
   */
  public static Unit percent() {
    return PERCENT;
  }

  /**
   * A plain number with the given decimal places: {@code decimal(1)} shows {@code 42.25} as
   * {@code 42.3} (an NPS, an effort score).
   *
   * @throws IllegalArgumentException if decimals is negative or more than 12
   */
  public static Unit decimal(int decimals) {
    if (decimals < 0 || decimals > 12) {
      throw new IllegalArgumentException("decimals must be between 0 and 12: " + decimals);
    }
    return new Unit(Kind.DECIMAL, decimals, null);
  }

  /**
   * The value formatted in this unit, rounded half up, for example {@code USD 1,234.50},
   * {@code 12.3%} or {@code 1,250}.
   *
   * @throws IllegalArgumentException if the value is null
   */
  public String format(BigDecimal value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null");
    }
    return switch (kind) {
      case MONEY -> currency.getCurrencyCode() + " " + Numbers.grouped(value, decimals);
      case PERCENT -> Numbers.grouped(value.multiply(HUNDRED), decimals) + "%";
      default -> Numbers.grouped(value, decimals);
    };
  }

  /**
   * A value on a chart's axis: grouped, without the currency code or percent sign (the axis
   * title names the unit), with as many decimals as the step between ticks needs.
   */
  String axisLabel(BigDecimal value, int stepDecimals) {
    BigDecimal shown = kind == Kind.PERCENT ? value.multiply(HUNDRED) : value;
    int places = kind == Kind.PERCENT ? Math.max(0, stepDecimals - 2) : stepDecimals;
    return Numbers.grouped(shown, Math.max(0, places));
  }

  /**
   * The smallest step between ticks worth showing: one for counts and points, a cent (the
   * currency's smallest unit) for money, 0.1% for a percentage, the last decimal otherwise.
   */
  BigDecimal smallestStep() {
    return switch (kind) {
      case COUNT, POINTS -> BigDecimal.ONE;
      case PERCENT -> new BigDecimal("0.001");
      default -> BigDecimal.ONE.movePointLeft(decimals);
    };
  }

  /** What the unit is called on an axis title: {@code USD}, {@code points}, {@code %}. */
  public String symbol() {
    return switch (kind) {
      case COUNT -> "count";
      case POINTS -> "points";
      case MONEY -> currency.getCurrencyCode();
      case PERCENT -> "%";
      case DECIMAL -> "value";
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unit other && kind == other.kind && decimals == other.decimals
        && Objects.equals(currency, other.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, decimals, currency);
  }

  @Override
  public String toString() {
    return kind == Kind.DECIMAL ? "decimal(" + decimals + ")" : symbol();
  }
}
