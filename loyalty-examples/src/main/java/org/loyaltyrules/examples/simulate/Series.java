package org.loyaltyrules.examples.simulate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A named series of exact values over the days of a simulated period, one line on a chart:
 * outstanding liability, or cumulative points issued, redeemed or expired.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name what the series is, shown in the legend; not blank
 * @param unit how its values are shown
 * @param points its points, in strictly increasing order of day; may be empty (the chart says
 *     there is no data)
 */
public record Series(String name, Unit unit, List<Point> points) {
  /**
   * Checks the series.
   *
   * @throws IllegalArgumentException if the name is blank, the unit null, a point null, or the
   *     days not strictly increasing
   */
  public Series {
    Checks.text(name, "series name");
    if (unit == null) {
      throw new IllegalArgumentException("series '" + name + "' has no unit");
    }
    points = Checks.list(points, "series '" + name + "' points");
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).day() <= points.get(i - 1).day()) {
        throw new IllegalArgumentException("series '" + name + "' points[" + i + "] is day "
            + points.get(i).day() + ", not after day " + points.get(i - 1).day());
      }
    }
  }

  /**
   * One value on one day.
   *
   * <p>Immutable and thread-safe.
   *
   * @param day the day of the simulated period, 0 for its first day; not negative
   * @param value the exact value at the end of that day
   */
  public record Point(int day, BigDecimal value) {
    /**
     * Checks the point.
     *
     * @throws IllegalArgumentException if the day is negative or the value null
     */
    public Point {
      if (day < 0) {
        throw new IllegalArgumentException("day must not be negative: " + day);
      }
      if (value == null) {
        throw new IllegalArgumentException("value on day " + day + " must not be null");
      }
    }
  }
}
