package org.loyaltyrules.core.ledger;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when an activity claims to have happened after the instant at which it is applied: the
 * host's clock and the activity disagree, and the library refuses to guess.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActivityAfterInstantException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final ActivityId activity;
  private final Instant occurredAt;
  private final Instant instant;

  /**
   * Creates the exception.
   *
   * @param activity the activity's id
   * @param occurredAt when it claims to have happened
   * @param instant the instant at which it was applied
   */
  public ActivityAfterInstantException(ActivityId activity, Instant occurredAt, Instant instant) {
    super("activity " + activity + " happened at " + occurredAt + ", after the instant " + instant
        + " it is applied at");
    this.activity = activity;
    this.occurredAt = occurredAt;
    this.instant = instant;
  }

  /** Returns the activity's id. */
  public ActivityId activity() {
    return activity;
  }

  /** Returns when the activity claims to have happened. */
  public Instant occurredAt() {
    return occurredAt;
  }

  /** Returns the instant at which it was applied. */
  public Instant instant() {
    return instant;
  }
}
