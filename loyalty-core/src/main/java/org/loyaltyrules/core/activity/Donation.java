package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.UnitId;

/**
 * The member donates points to a cause (a charity or giving fund).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the member donated
 * @param cause the cause donated to
 * @param unit the unit of the points donated
 * @param points how many points are donated; greater than zero
 */
public record Donation(ActivityId id, Instant occurredAt, CauseId cause, UnitId unit, long points)
    implements Activity {
  private static final String KIND = "donation";

  /**
   * Validates the donation.
   *
   * @throws IllegalArgumentException naming the donation and the bad value if any argument is null
   *     or the points are zero or negative
   */
  public Donation {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(cause, KIND, id, "cause");
    Checks.notNull(unit, KIND, id, "unit");
    Checks.positive(points, KIND, id, "points");
  }
}
