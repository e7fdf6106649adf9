package org.loyaltyrules.core.ledger;

/**
 * Why points moved. Every {@link Posting} has exactly one type.
 *
 * <p>Immutable and thread-safe.
 */
public enum PostingType {
  /** Points earned: from issuance (or the funding partner) to the member. */
  EARN,
  /** Pending points became available at the end of their pending window. */
  VEST,
  /** Points spent on a reward or to pay for an order. */
  REDEEM,
  /** Points donated to a cause. */
  DONATE,
  /** Points transferred to a partner program. */
  TRANSFER,
  /** A customer-service adjustment, up or down, with its reason. */
  ADJUST,
  /** Unspent points expired to breakage. */
  EXPIRE,
  /**
   * Earned points taken back, for example because the purchase was returned, from the member to
   * the account that funded them; {@link Posting#reversalOf()} names the lot whose earning was
   * reversed.
   */
  REVERSE,
  /** Spent points given back, for example because an order paid with points was returned. */
  RESTORE,
  /**
   * Pending points that a reversal took in place of points the member had spent, given back to
   * their lot by the reversed lot's funder once a restoration gave the spent points back; see
   * {@link OpenReversal}. {@link Posting#reversalOf()} names the lot whose earning was reversed.
   */
  REPAY,
  /** Points forfeited to breakage when the account was closed. */
  FORFEIT,
  /** A negative balance written off by the program when the account was closed. */
  WRITE_OFF;

  /** Returns true for the types that take points out of a member's available balance by choice. */
  public boolean isSpend() {
    return this == REDEEM || this == DONATE || this == TRANSFER || this == ADJUST;
  }
}
