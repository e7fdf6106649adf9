package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.UnitId;

/**
 * The member transfers points to a partner's program, for example hotel points to airline miles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the member transferred
 * @param partner the partner transferred to
 * @param unit the unit of the points transferred
 * @param points how many points are transferred; greater than zero
 */
public record PointsTransfer(ActivityId id, Instant occurredAt, PartnerId partner, UnitId unit,
    long points) implements Activity {
  private static final String KIND = "points transfer";

  /**
   * Validates the transfer.
   *
   * @throws IllegalArgumentException naming the transfer and the bad value if any argument is null
   *     or the points are zero or negative
   */
  public PointsTransfer {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(partner, KIND, id, "partner");
    Checks.notNull(unit, KIND, id, "unit");
    Checks.positive(points, KIND, id, "points");
  }
}
