package org.loyaltyrules.core.member;

/**
 * Where a paid membership stands.
 *
 * <p>Immutable and thread-safe.
 */
public enum MembershipStatus {
  /** Paid for and within its term: its benefits apply. */
  ACTIVE,
  /** Its term ended without renewal. */
  LAPSED,
  /** Refunded or cancelled before its term ended. */
  CANCELLED
}
