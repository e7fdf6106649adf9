package org.loyaltyrules.rules;

import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.activity.Activity;

/**
 * Thrown when a compiled program is asked to decide a kind of activity this version cannot
 * decide. Nothing is changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedActivityException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final ActivityId activity;
  private final String kind;

  /**
   * Creates the exception.
   *
   * @param activity the activity that could not be decided
   */
  public UnsupportedActivityException(Activity activity) {
    super("activity " + activity.id() + ": " + activity.getClass().getSimpleName()
        + " activities are not decided by this version");
    this.activity = activity.id();
    this.kind = activity.getClass().getSimpleName();
  }

  /** Returns the id of the activity. */
  public ActivityId activity() {
    return activity;
  }

  /** Returns the kind of activity, for example {@code Purchase}. */
  public String kind() {
    return kind;
  }
}
