package org.loyaltyrules.core.ledger;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when an activity happened before the program's activity horizon: activity ids are only
 * remembered that long, so the library can no longer tell whether it was already applied, and
 * refuses it rather than risk applying it twice.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActivityOutsideHorizonException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final ActivityId activity;
  private final Instant occurredAt;
  private final Instant horizonStart;

  /**
   * Creates the exception.
   *
   * @param activity the activity's id
   * @param occurredAt when it happened
   * @param horizonStart the earliest instant still inside the horizon
   */
  public ActivityOutsideHorizonException(ActivityId activity, Instant occurredAt,
      Instant horizonStart) {
    super("activity " + activity + " happened at " + occurredAt
        + ", before the activity horizon starting " + horizonStart);
    this.activity = activity;
    this.occurredAt = occurredAt;
    this.horizonStart = horizonStart;
  }

  /** Returns the activity's id. */
  public ActivityId activity() {
    return activity;
  }

  /** Returns when the activity happened. */
  public Instant occurredAt() {
    return occurredAt;
  }

  /** Returns the earliest instant still inside the horizon. */
  public Instant horizonStart() {
    return horizonStart;
  }
}
