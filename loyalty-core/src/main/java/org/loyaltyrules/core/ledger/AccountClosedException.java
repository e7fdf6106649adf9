package org.loyaltyrules.core.ledger;

import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;

/**
 * Thrown when an activity is applied to a member whose account was closed.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountClosedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final MemberId member;
  private final ActivityId activity;

  /**
   * Creates the exception.
   *
   * @param member the member whose account is closed
   * @param activity the activity that was refused
   */
  public AccountClosedException(MemberId member, ActivityId activity) {
    super("account of member " + member + " is closed; activity " + activity + " refused");
    this.member = member;
    this.activity = activity;
  }

  /** Returns the member. */
  public MemberId member() {
    return member;
  }

  /** Returns the refused activity. */
  public ActivityId activity() {
    return activity;
  }
}
