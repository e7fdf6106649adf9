package org.loyaltyrules.core.member;

/**
 * Where a paid membership stands.
 *
 * <p>Immutable and thread-safe.
 */
public enum MembershipStatus {
  /** In a free trial: its benefits apply. */
  TRIAL,
  /** Paid for and within its term: its benefits apply. */
  ACTIVE,
  /** Its term ended; a payment within the plan's grace period still renews it. No benefits. */
  GRACE,
  /** Its term, and any grace period, ended without renewal. No benefits. */
  LAPSED,
  /** Its fee was refunded; it ended at the refund. No benefits. */
  CANCELLED
}
