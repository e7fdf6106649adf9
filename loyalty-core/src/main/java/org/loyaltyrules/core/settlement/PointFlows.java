package org.loyaltyrules.core.settlement;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where the points one funder paid for went over a period: the funder is a coalition partner, or
 * the program operator for the points it funded itself. Each figure is net of what was undone in
 * the period: {@code redeemed} less what restorations gave back, {@code reversed} less what
 * repayments gave back, and so on; a figure is negative where the period undid more than it did.
 * Reading every posting exactly once, they satisfy
 *
 * <pre>
 * opening + issued = redeemed + donated + transferred + reversed + expired + forfeited + adjusted
 *                    + outstanding
 * </pre>
 *
 * where {@code opening} and {@code outstanding} are the funder's points in members' accounts
 * (available and pending) at the start and end of the period. From the ledger's first posting,
 * {@code opening} is zero and issued = redeemed + donated + transferred + reversed + expired +
 * forfeited + adjusted + outstanding.
 *
 * <p>A posting counts for the funder of the lot it touches. The parts of a balance no lot holds
 * (what a reversal takes beyond the member's points, leaving the balance negative, and the
 * program's write-off of it at closure) are the operator's: the reversal still credits the lot's
 * funder in money, and the member then owes the points to the operator, whose outstanding
 * figure can be negative.
 *
 * <p>Immutable and thread-safe.
 *
 * @param opening the funder's points in members' accounts when the period began
 * @param issued points earned into lots the funder funded
 * @param redeemed points spent on rewards and orders, less those given back
 * @param donated points donated to causes, less those given back
 * @param transferred points transferred to partners' programs
 * @param reversed points taken back by reversals (returns), less those repaid; includes points
 *     that had expired and were then reversed, which no longer count as expired
 * @param expired points that expired to breakage, less those then reversed
 * @param forfeited points forfeited when accounts were closed
 * @param adjusted points customer-service adjustments took out, less what they put in and what
 *     the program wrote off at closures
 * @param outstanding the funder's points in members' accounts when the period ended
 */
public record PointFlows(long opening, long issued, long redeemed, long donated,
    long transferred, long reversed, long expired, long forfeited, long adjusted,
    long outstanding) {
  /** No points at all. */
  public static final PointFlows NONE = new PointFlows(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * Checks that the figures balance.
   *
   * @throws IllegalArgumentException naming the figures if opening plus issued does not equal
   *     what went out plus what is outstanding
   */
  public PointFlows {
    long in = opening + issued;
    long out = redeemed + donated + transferred + reversed + expired + forfeited + adjusted
        + outstanding;
    checkArgument(in == out, "point flows do not balance: opening %s + issued %s = %s, but "
            + "redeemed %s + donated %s + transferred %s + reversed %s + expired %s + forfeited "
            + "%s + adjusted %s + outstanding %s = %s", opening, issued, in, redeemed, donated,
        transferred, reversed, expired, forfeited, adjusted, outstanding, out);
  }
}
