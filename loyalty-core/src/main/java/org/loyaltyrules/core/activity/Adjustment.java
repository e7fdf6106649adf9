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
 * @param points the points added (positive) or taken away (negative); never zero
 * @param reason why, for the audit trail; not blank
 */
public record Adjustment(ActivityId id, Instant occurredAt, UnitId unit, long points,
    String reason) implements Activity {
  private static final String KIND = "adjustment";

  /**
   * Validates the adjustment.
   *
   * @throws IllegalArgumentException naming the adjustment and the bad value if any argument is
   *     null, the points are zero or the reason is blank
   */
  public Adjustment {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(unit, KIND, id, "unit");
    checkArgument(points != 0, "%s %s: points must not be zero", KIND, id);
    Checks.nonBlank(reason, KIND, id, "reason");
  }

  /** Returns true if the adjustment adds points. */
  public boolean isCredit() {
    return points > 0;
  }
}
