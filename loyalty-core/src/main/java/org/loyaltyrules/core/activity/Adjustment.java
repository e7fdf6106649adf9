package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.UnitId;

/**
 * A customer-service adjustment of a member's points, up (a goodwill credit) or down (a
 * correction), with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the adjustment was made
 * @param unit the unit adjusted
 * @param points the points added (positive) or taken away (negative); never zero, and at most
 *     {@value #MAX_POINTS} either way
 * @param reason why, for the audit trail; not blank
 */
public record Adjustment(ActivityId id, Instant occurredAt, UnitId unit, long points,
    String reason) implements Activity {
  /** The largest adjustment, up or down: 10<sup>15</sup> points. */
  public static final long MAX_POINTS = 1_000_000_000_000_000L;

  private static final String KIND = "adjustment";

  /**
   * Validates the adjustment.
   *
   * @throws IllegalArgumentException naming the adjustment and the bad value if any argument is
   *     null, the points are zero or beyond {@value #MAX_POINTS} either way, or the reason is
   *     blank
   */
  public Adjustment {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(unit, KIND, id, "unit");
    checkArgument(points != 0, "%s %s: points must not be zero", KIND, id);
    checkArgument(points >= -MAX_POINTS && points <= MAX_POINTS,
        "%s %s: points must be between -%s and %s, was %s", KIND, id, MAX_POINTS, MAX_POINTS,
        points);
    Checks.nonBlank(reason, KIND, id, "reason");
  }

  /** Returns true if the adjustment adds points. */
  public boolean isCredit() {
    return points > 0;
  }
}
