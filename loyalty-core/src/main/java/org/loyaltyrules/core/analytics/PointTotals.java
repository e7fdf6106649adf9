package org.loyaltyrules.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * The points of one unit that moved through members' ledgers over a period
 * {@code [from, until)}, read from their postings by
 * {@link ProgramMetrics#pointTotals(java.util.Collection, UnitId, Instant, Instant)}, and the
 * redemption and breakage rates they give.
 *
 * <p>How each posting type counts:
 *
 * <ul>
 *   <li><b>issued</b>: points put into members' lots: every {@code EARN}, and every positive
 *       {@code ADJUST} (a customer-service credit, which is a lot the member can spend). Gross:
 *       reversals are not taken off, they are counted in {@link #reversed()}. {@code VEST} only
 *       moves points from pending to available and is not counted again.
 *   <li><b>redeemed</b>: points members chose to spend: {@code REDEEM}, {@code DONATE} and
 *       {@code TRANSFER}, less every {@code RESTORE} that gave back such a spending. A negative
 *       {@code ADJUST} (a customer-service debit) and a restoration of one are not redemptions.
 *   <li><b>reversed</b>: earned points taken back ({@code REVERSE}, for example a returned
 *       purchase), less what {@code REPAY} gave back.
 *   <li><b>expired</b>: points that expired to breakage ({@code EXPIRE}), less expired points a
 *       later reversal took back from breakage (those went back to their funder instead).
 *   <li><b>forfeited</b>: points forfeited to breakage when accounts were closed
 *       ({@code FORFEIT}). {@code WRITE_OFF} moves no member's points to breakage and is not
 *       counted.
 * </ul>
 *
 * <p>Each figure is net of what the same period undid, so a figure can be negative in a period
 * that gave back more than it took (a restoration of an earlier period's redemption). Over a
 * whole history (a period that starts at or before every posting) each figure is at least zero
 * and {@code redeemed + expired + forfeited <= issued}, since every point redeemed or lost to
 * breakage left a lot; reversals are outside that sum, as a reversal may take more than the
 * member holds where a unit's balance may go negative.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unit the unit counted
 * @param from the period's start, inclusive
 * @param until the period's end, exclusive; after {@code from}
 * @param issued points earned or credited into members' lots
 * @param redeemed points redeemed, donated or transferred, less those given back
 * @param reversed points taken back by reversals, less those repaid
 * @param expired points expired, less those reversals took back from breakage
 * @param forfeited points forfeited at account closure
 */
public record PointTotals(UnitId unit, Instant from, Instant until, long issued, long redeemed,
    long reversed, long expired, long forfeited) {
  /**
   * Validates the totals.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the period does
   *     not end after it starts, or {@code issued} or {@code forfeited} (which nothing undoes)
   *     is negative
   */
  public PointTotals {
    Checks.present(unit, "point totals: unit");
    Checks.present(from, "point totals: period start");
    Checks.present(until, "point totals: period end");
    checkArgument(from.isBefore(until), "point totals: period must end after it starts: %s to %s",
        from, until);
    Checks.notNegative(issued, "point totals: issued");
    Checks.notNegative(forfeited, "point totals: forfeited");
  }

  /** Returns the points lost to breakage: {@code expired + forfeited}. */
  public long breakage() {
    return Math.addExact(expired, forfeited);
  }

  /**
   * Returns the redemption rate, {@code redeemed / issued}: for example 600 points redeemed of
   * 1,000 issued is {@code 600/1000}, 60 %. Undefined when the period issued nothing. Over a
   * period rather than a whole history it can exceed 1 (redemptions of points issued before the
   * period) or be negative.
   */
  public Ratio redemptionRate() {
    return Ratio.of(redeemed, issued);
  }

  /**
   * Returns the breakage rate, {@code (expired + forfeited) / issued}: for example 150 points
   * expired and 50 forfeited of 1,000 issued is {@code 200/1000}, 20 %. Undefined when the period
   * issued nothing; over a period rather than a whole history it can exceed 1.
   */
  public Ratio breakageRate() {
    return Ratio.of(breakage(), issued);
  }
}
