package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis with round tick values, computed exactly: the step is 1, 2 or 5 times a power of
 * ten, and the axis runs from a multiple of the step at or below the lowest value to a multiple
 * at or above the highest. An empty range (one point, all zeros) gets one step of room, so no
 * position ever divides by zero.
 *
 * @param min the axis' lowest value, a multiple of step
 * @param max the axis' highest value, a multiple of step, above min
 * @param step the distance between ticks, positive
 */
record Axis(BigDecimal min, BigDecimal max, BigDecimal step) {
  private static final MathContext CONTEXT = new MathContext(12, RoundingMode.HALF_UP);

  /**
   * An axis covering lo to hi with about {@code target} steps, none smaller than
   * {@code minStep} (1 for whole counts and points, so a count axis never shows 0.2 members).
   */
  static Axis covering(BigDecimal lo, BigDecimal hi, int target, BigDecimal minStep) {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("axis low " + lo + " is above high " + hi);
    }
    BigDecimal range = hi.subtract(lo);
    BigDecimal step;
    if (range.signum() == 0) {
      step = minStep;
    } else {
      BigDecimal rough = range.divide(BigDecimal.valueOf(target), CONTEXT);
      int exponent = rough.precision() - rough.scale() - 1;
      BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen(exponent);
      BigDecimal fraction = rough.divide(magnitude, CONTEXT);
      int multiple = fraction.compareTo(BigDecimal.ONE) <= 0 ? 1
          : fraction.compareTo(BigDecimal.valueOf(2)) <= 0 ? 2
          : fraction.compareTo(BigDecimal.valueOf(5)) <= 0 ? 5 : 10;
      step = magnitude.multiply(BigDecimal.valueOf(multiple)).max(minStep);
    }
    step = step.stripTrailingZeros();
    BigDecimal min = lo.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    BigDecimal max = hi.divide(step, 0, RoundingMode.CEILING).multiply(step);
    if (max.compareTo(min) <= 0) {
      max = min.add(step);
    }
    return new Axis(min, max, step);
  }

  /** The tick values from min to max, each a multiple of step. */
  List<BigDecimal> ticks() {
    List<BigDecimal> ticks = new ArrayList<>();
    for (BigDecimal v = min; v.compareTo(max) <= 0; v = v.add(step)) {
      ticks.add(v);
    }
    return ticks;
  }

  /** The decimal places a tick label needs: none for a whole step, 1 for 0.5, 2 for 0.25. */
  int decimals() {
    return Math.max(0, step.stripTrailingZeros().scale());
  }

  /** Where the value lies on the axis, 0 at min and 1 at max; outside for values outside. */
  double fraction(BigDecimal value) {
    return value.subtract(min).divide(max.subtract(min), CONTEXT).doubleValue();
  }
}
