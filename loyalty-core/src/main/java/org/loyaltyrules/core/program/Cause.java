package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.internal.Steps;

/**
 * A cause members can donate points to, such as TOMS' giving fund ($0.01 a point, one-to-one with
 * what the points are worth to the member) or PetSmart's animal charity ($0.005 a point).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the cause's id, unique within the program
 * @param name its display name
 * @param pointValue the money one donated point gives the cause, in the program's currency
 *     (checked by the program); positive
 * @param minimumPoints the fewest points one donation may give; positive
 * @param stepPoints how much more than the minimum a donation may give at a time; positive
 */
public record Cause(CauseId id, String name, Money pointValue, long minimumPoints,
    long stepPoints) {
  /**
   * Validates the cause.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name is blank,
   *     or the value, minimum or step is not positive
   */
  public Cause {
    Checks.present(id, "cause id");
    Checks.text(name, "cause " + id + ": name");
    Checks.present(pointValue, "cause " + id + ": point value");
    checkArgument(pointValue.isPositive(), "cause %s: point value must be positive, was %s", id,
        pointValue);
    checkArgument(minimumPoints > 0, "cause %s: minimum points must be positive, was %s", id,
        minimumPoints);
    checkArgument(stepPoints > 0, "cause %s: step points must be positive, was %s", id,
        stepPoints);
  }

  /** Returns a cause taking donations of any positive number of points. */
  public static Cause of(String id, String name, Money pointValue) {
    return new Cause(CauseId.of(id), name, pointValue, 1, 1);
  }

  /** Returns the money a donation of {@code points} gives the cause, exactly. */
  public Money valueOf(long points) {
    return pointValue.times(points);
  }

  /** Returns true if {@code points} is at least the minimum plus whole steps. */
  public boolean accepts(long points) {
    return Steps.accepts(points, minimumPoints, stepPoints);
  }

  /**
   * Returns the valid donations nearest to {@code points}: the one below (if any) and the one
   * above; one amount if {@code points} is below the minimum or valid itself.
   */
  public java.util.List<Long> nearest(long points) {
    return Steps.nearest(points, minimumPoints, stepPoints);
  }
}
