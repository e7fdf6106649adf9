package org.loyaltyrules.core.activity;

import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when an activity names a line that the purchase it refers to never had, for example a
 * return of line {@code l9} of a purchase with lines {@code l1} and {@code l2}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownLineException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final ActivityId purchase;
  private final LineId line;

  /**
   * Creates the exception. The message reads, for example, {@code "return r-1: line l9 was never
   * bought in purchase p-1"}.
   *
   * @param purchase the purchase that was looked in
   * @param line the line id that was not found in it
   * @param where what named the line, for the message, for example {@code "return r-1"}
   */
  public UnknownLineException(ActivityId purchase, LineId line, String where) {
    super(where + ": line " + line + " was never bought in purchase " + purchase);
    this.purchase = purchase;
    this.line = line;
  }

  /** Returns the id of the purchase that was looked in. */
  public ActivityId purchase() {
    return purchase;
  }

  /** Returns the line id that the purchase does not have. */
  public LineId line() {
    return line;
  }
}
