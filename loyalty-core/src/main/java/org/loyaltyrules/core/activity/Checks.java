package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;

/**
 * Argument checks shared by the activities. Every message starts with what is being checked and
 * its id ({@code "purchase p-1"}, {@code "line l2"}), then names the field and the bad value.
 * Messages are built only when a check fails.
 */
final class Checks {
  /** The most digits a quantity may have before the decimal point. */
  static final int MAX_QUANTITY_DIGITS = 9;
  /** The most decimal places a quantity may have. */
  static final int MAX_QUANTITY_SCALE = 6;

  private Checks() {}

  /** Checks that an activity's own id is present. */
  static ActivityId id(ActivityId id, String kind) {
    checkArgument(id != null, "%s: activity id must not be null", kind);
    return id;
  }

  /** Checks that {@code value} is not null. */
  static <T> T notNull(T value, String kind, Object id, String field) {
    checkArgument(value != null, "%s %s: %s must not be null", kind, id, field);
    return value;
  }

  /** Checks that {@code value} is neither null nor blank. */
  static String nonBlank(String value, String kind, Object id, String field) {
    notNull(value, kind, id, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          kind + " " + id + ": " + field + " must not be blank, was '" + value + "'");
    }
    return value;
  }

  /** Checks that {@code value} is greater than zero. */
  static long positive(long value, String kind, Object id, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          kind + " " + id + ": " + field + " must be positive, was " + value);
    }
    return value;
  }

  /** Checks that {@code value} is neither null nor zero nor negative. */
  static Money positive(Money value, String kind, Object id, String field) {
    notNull(value, kind, id, field);
    if (!value.isPositive()) {
      throw new IllegalArgumentException(
          kind + " " + id + ": " + field + " must be positive, was " + value);
    }
    return value;
  }

  /** Checks that {@code value} is neither null nor negative. */
  static Money notNegative(Money value, String kind, Object id, String field) {
    notNull(value, kind, id, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          kind + " " + id + ": " + field + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * Checks that a quantity is neither null nor zero nor negative, and returns it without
   * trailing zeros after the decimal point (so {@code 2.50} and {@code 2.5} are the same value
   * and {@code 10} stays {@code 10}).
   */
  static BigDecimal positiveQuantity(BigDecimal value, String kind, Object id) {
    notNull(value, kind, id, "quantity");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          kind + " " + id + ": quantity must be positive, was " + value.toPlainString());
    }
    if ((long) value.precision() - value.scale() > MAX_QUANTITY_DIGITS) {
      throw new IllegalArgumentException(kind + " " + id + ": quantity must have at most "
          + MAX_QUANTITY_DIGITS + " digits before the decimal point, was " + value);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > MAX_QUANTITY_SCALE) {
      throw new IllegalArgumentException(kind + " " + id + ": quantity must have at most "
          + MAX_QUANTITY_SCALE + " decimal places, was " + value);
    }
    return stripped.setScale(Math.max(0, stripped.scale()), RoundingMode.UNNECESSARY);
  }

  /** Checks that an activity does not refer to itself where it must refer to another one. */
  static ActivityId other(ActivityId reference, ActivityId self, String kind, String field) {
    notNull(reference, kind, self, field);
    checkArgument(!reference.equals(self),
        "%s %s: %s must be another activity, was its own id %s", kind, self, field, reference);
    return reference;
  }
}
