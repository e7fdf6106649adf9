package org.loyaltyrules.core.program;

/**
 * Whether members can spend a point unit or only hold it for status.
 *
 * <p>Immutable and thread-safe.
 */
public enum UnitKind {
  /** Points a member can spend: on rewards, paying with points, donations or transfers. */
  REDEEMABLE,
  /**
   * Points that only count toward status, such as tier points or qualifying nights. They can
   * never be spent, donated or transferred.
   */
  STATUS
}
