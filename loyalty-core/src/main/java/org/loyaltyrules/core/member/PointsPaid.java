package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * Points a member paid toward a purchase, and how many of them returns have given back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param payment the pay-with-points activity
 * @param unit the unit paid with
 * @param points the points paid; positive
 * @param restored the points given back so far; between 0 and {@code points}
 * @param orderValue the value of the goods not yet returned when the points were paid, which
 *     later returns give points back in proportion to; not negative
 */
public record PointsPaid(ActivityId payment, UnitId unit, long points, long restored,
    BigDecimal orderValue) {
  /** Validates the record; throws {@link IllegalArgumentException} naming a bad value. */
  public PointsPaid {
    Checks.present(payment, "payment");
    Checks.present(unit, "payment " + payment + ": unit");
    checkArgument(points > 0, "payment %s: points must be positive, was %s", payment, points);
    checkArgument(restored >= 0 && restored <= points,
        "payment %s: restored must be between 0 and %s, was %s", payment, points, restored);
    Checks.present(orderValue, "payment " + payment + ": order value");
    checkArgument(orderValue.signum() >= 0, "payment %s: order value must not be negative, "
        + "was %s", payment, orderValue.toPlainString());
  }

  /** Returns the points paid and not given back. */
  public long net() {
    return points - restored;
  }

  /** Returns a copy with {@code restored} points given back in all. */
  public PointsPaid withRestored(long restored) {
    return new PointsPaid(payment, unit, points, restored, orderValue);
  }
}
