package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.UnitId;

/**
 * The member pays part of an order with points. If the order is later returned, points come back
 * in proportion to the value returned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the member paid
 * @param purchase the id of the purchase paid for; not this activity's own id
 * @param unit the unit of the points spent
 * @param points how many points are spent; greater than zero
 */
public record PayWithPoints(ActivityId id, Instant occurredAt, ActivityId purchase, UnitId unit,
    long points) implements Activity {
  private static final String KIND = "pay with points";

  /**
   * Validates the payment.
   *
   * @throws IllegalArgumentException naming the payment and the bad value if any argument is
   *     null, the purchase is this activity's own id, or the points are zero or negative
   */
  public PayWithPoints {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.other(purchase, id, KIND, "purchase");
    Checks.notNull(unit, KIND, id, "unit");
    Checks.positive(points, KIND, id, "points");
  }
}
