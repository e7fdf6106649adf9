package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact, locale-independent number formatting: digits grouped by threes with a comma, a point
 * before the decimals, a hyphen-minus for negatives. Built by hand rather than with
 * {@code DecimalFormat}, so no locale, default or explicit, can change a character.
 */
final class Numbers {
  private Numbers() {}

  /**
   * The value rounded half up to {@code decimals} places and grouped, for example
   * {@code 1234567.891} with 2 decimals gives {@code 1,234,567.89}. Zero is never shown with a
   * minus sign.
   */
  static String grouped(BigDecimal value, int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must not be negative: " + decimals);
    }
    BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
    String plain = rounded.abs().toPlainString();
    int point = plain.indexOf('.');
    String whole = point < 0 ? plain : plain.substring(0, point);
    StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 1);
    if (rounded.signum() < 0) {
      out.append('-');
    }
    int firstGroup = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
    out.append(whole, 0, firstGroup);
    for (int i = firstGroup; i < whole.length(); i += 3) {
      out.append(',').append(whole, i, i + 3);
    }
    if (point >= 0) {
      out.append(plain, point, plain.length());
    }
    return out.toString();
  }

  /**
   * A drawing coordinate with at most one decimal place and no trailing {@code .0}, for
   * example {@code 12.25} gives {@code 12.3} and {@code 40.0} gives {@code 40}. Doubles are
   * used only for positions on the page, never for a figure the report shows.
   */
  static String coordinate(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("coordinate must be finite: " + value);
    }
    long tenths = Math.round(value * 10);
    StringBuilder out = new StringBuilder();
    if (tenths < 0) {
      out.append('-');
      tenths = -tenths;
    }
    out.append(tenths / 10);
    if (tenths % 10 != 0) {
      out.append('.').append(tenths % 10);
    }
    return out.toString();
  }
}
