package org.loyaltyrules.core.ledger;

import java.util.Locale;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when asked to take back more than a lot earned, or to give back more than an activity
 * spent. A reversal undoes exactly what it is given and never more.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReversalExceedsException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String target;
  private final long requested;
  private final long reversible;

  /**
   * Creates the exception.
   *
   * @param target what was to be reversed, for example {@code "lot lot-3"} or {@code "spending
   *     of activity a-9"}
   * @param requested the points asked to reverse
   * @param reversible the points that can still be reversed
   */
  public ReversalExceedsException(String target, long requested, long reversible) {
    super(String.format(Locale.ROOT, "cannot reverse %d points of %s: only %d can be reversed",
        requested, target, reversible));
    this.target = target;
    this.requested = requested;
    this.reversible = reversible;
  }

  /** Returns what was to be reversed. */
  public String target() {
    return target;
  }

  /** Returns the points asked to reverse. */
  public long requested() {
    return requested;
  }

  /** Returns the points that can still be reversed. */
  public long reversible() {
    return reversible;
  }
}
