package org.loyaltyrules.core.ledger;

/**
 * The kinds of account that points move between.
 *
 * <p>Immutable and thread-safe.
 */
public enum AccountType {
  /** A member's vested points, which the member can spend. */
  MEMBER_AVAILABLE,
  /** A member's pending points, earned but not yet vested (inside the return window). */
  MEMBER_PENDING,
  /** The program's issuance account: points come from here and go back here when spent. */
  ISSUANCE,
  /** A coalition partner: funds points it issues and honours points members spend with it. */
  PARTNER,
  /** A cause that members donate points to. */
  CAUSE,
  /** Where expired and forfeited points go. */
  BREAKAGE
}
