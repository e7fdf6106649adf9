package org.loyaltyrules.core.ledger;

import java.time.Instant;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when the library is asked to act at an instant earlier than the state's own "as of"
 * instant. Time only moves forward; the state is left unchanged.
 *
 * <p>Immutable and thread-safe.
 */
public final class InstantBeforeStateException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final Instant asOf;
  private final Instant instant;

  /**
   * Creates the exception.
   *
   * @param asOf the state's "as of" instant
   * @param instant the earlier instant that was given
   */
  public InstantBeforeStateException(Instant asOf, Instant instant) {
    super("instant " + instant + " is before the state's as-of instant " + asOf);
    this.asOf = asOf;
    this.instant = instant;
  }

  /** Returns the state's "as of" instant. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns the earlier instant that was given. */
  public Instant instant() {
    return instant;
  }
}
