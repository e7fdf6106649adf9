package org.loyaltyrules.core.program;

/**
 * What happens when points must be taken back (a return, a cancellation) but the member has
 * already spent them. In every case the points are first taken from the lot that earned them,
 * then from the member's other available lots, earliest-expiring first; the policy decides what
 * happens to the rest.
 *
 * <p>Immutable and thread-safe.
 */
public enum ShortfallPolicy {
  /**
   * Take the rest from the member's pending (not yet vested) lots, earliest-vesting first; what
   * still cannot be taken is recorded as a shortfall and written off.
   */
  TAKE_FROM_PENDING,
  /**
   * Let the available balance go negative by the rest. Points earned later settle the negative
   * balance before the member can spend them.
   */
  ALLOW_NEGATIVE,
  /** Stop at a zero balance and record the rest as a shortfall, written off. */
  STOP_AT_ZERO
}
