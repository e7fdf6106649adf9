package org.loyaltyrules.core.member;

/**
 * Where a money voucher stands.
 *
 * <p>Immutable and thread-safe.
 */
public enum VoucherStatus {
  /** Issued and not yet applied: the member can use it. */
  ISSUED,
  /** Applied to an order. */
  APPLIED,
  /** Reached its expiry unused. */
  EXPIRED,
  /** Taken back, for example because the purchase that earned it was returned. */
  REVOKED
}
