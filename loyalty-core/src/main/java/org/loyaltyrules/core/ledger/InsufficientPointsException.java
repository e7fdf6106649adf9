package org.loyaltyrules.core.ledger;

import java.util.Locale;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.UnitId;

/**
 * Thrown when a member tries to spend more points than are available. Nothing is spent: a
 * balance never goes negative by spending.
 *
 * <p>Immutable and thread-safe.
 */
public final class InsufficientPointsException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final UnitId unit;
  private final long available;
  private final long requested;

  /**
   * Creates the exception.
   *
   * @param unit the unit the member tried to spend
   * @param available the available balance
   * @param requested the points asked for
   */
  public InsufficientPointsException(UnitId unit, long available, long requested) {
    super(String.format(Locale.ROOT, "insufficient %s: requested %d, available %d", unit,
        requested, available));
    this.unit = unit;
    this.available = available;
    this.requested = requested;
  }

  /** Returns the unit. */
  public UnitId unit() {
    return unit;
  }

  /** Returns the available balance at the time; may be negative under a negative-balance policy. */
  public long available() {
    return available;
  }

  /** Returns the points asked for. */
  public long requested() {
    return requested;
  }
}
