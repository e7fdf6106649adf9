package org.loyaltyrules.core.program;

/**
 * What a tier ladder counts to decide which tier a member qualifies for.
 *
 * <p>Immutable and thread-safe.
 */
public enum TierMetric {
  /** Money spent on purchases, net of returns, in the program's currency. */
  SPEND,
  /** Points earned of a status unit (tier points, qualifying miles), net of reversals. */
  STATUS_POINTS,
  /** Nights stayed: the quantity of purchase lines whose unit of measure is {@code night}. */
  NIGHTS,
  /** Stays: purchases with at least one line measured in nights. */
  STAYS,
  /** Visits: purchases, whatever their value. */
  VISITS,
  /**
   * What an expression over the purchase gives, such as
   * {@code sum(line.amount) when line.category == 'stays'}: the ladder's
   * {@link TierLadder#credit() credit} expression.
   */
  EXPRESSION
}
