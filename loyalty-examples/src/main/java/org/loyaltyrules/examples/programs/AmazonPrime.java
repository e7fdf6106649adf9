package org.loyaltyrules.examples.programs;

import java.time.Period;
import java.time.ZoneId;
import java.util.Set;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;

/**
 * Amazon Prime, a paid membership with a term: an annual fee buys free two-day shipping on every
 * order while the membership is active (DOMAIN.md §3 and §6). Its figures, and where each comes
 * from:
 *
 * <ul>
 *   <li><b>$139 a year</b> (public): plan {@value #PLAN_ID}, a fee of USD 139 for a term of
 *       <b>one year</b>. The fee must be exactly the plan's; any other amount is refused, the
 *       message naming both amounts.
 *   <li><b>Free two-day shipping on every order while active</b> (seed): the plan's perk
 *       {@value #FREE_TWO_DAY_SHIPPING}, announced with every purchase placed while a paid term
 *       or the trial covers it, and with none placed after.
 *   <li>A <b>30-day free trial</b> (stated choice), once per member: it gives the perk, and a fee
 *       paid during it buys the year that follows it.
 *   <li><b>No grace period</b> (stated choice): the membership lapses the moment its term ends.
 *       A fee paid before then adds one year to the end of the term (not to the payment); a fee
 *       paid after it starts a new membership from the payment.
 *   <li>A refund of the fee cancels the membership at once: the next order has no free shipping.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Why a point unit: Prime earns no points, but every {@link Program} needs at least one point
 * unit (the builder refuses a program without one). It declares a redeemable unit
 * {@value #POINTS_ID} that no rule grants and no reward costs, so members' balances stay zero.
 *
 * <p>Noted, not configured: Prime's other perks (video, music and so on) are services the host
 * delivers to members it knows are active, not benefits of an order; the monthly plan is not part
 * of the figures.
 */
public final class AmazonPrime {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("amazon-prime");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the unused point unit. */
  public static final String POINTS_ID = "points";
  /** The unused point unit every program must declare. */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The id of the annual plan. */
  public static final String PLAN_ID = "prime";
  /** The annual plan. */
  public static final PlanId PRIME = PlanId.of(PLAN_ID);
  /** The annual fee (public). */
  public static final Money FEE = Money.of("139", "USD");
  /** What one fee buys (public). */
  public static final Period TERM = Period.ofYears(1);
  /** The free trial (stated choice). */
  public static final Period TRIAL = Period.ofDays(30);
  /** The perk of every order while the membership is active (seed). */
  public static final String FREE_TWO_DAY_SHIPPING = "free-two-day-shipping";

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Amazon Prime")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .plan(MembershipPlan.recurring(PLAN_ID, "Prime", FEE, TERM, Set.of(FREE_TWO_DAY_SHIPPING))
          .withTrial(TRIAL))
      .build();

  private AmazonPrime() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
