package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;

/**
 * REI Co-op, a paid lifetime membership with an annual dividend (DOMAIN.md §3 and §6). Its
 * figures, and where each comes from:
 *
 * <ul>
 *   <li><b>$20 once, for a lifetime membership</b> (public): plan {@value #PLAN_ID}, a fee of
 *       USD 20 with no term. Paying it again while a member is refused: the member already holds
 *       a lifetime membership.
 *   <li><b>Each year, 10 % of the previous calendar year's member spend</b> (seed): the plan's
 *       dividend of {@value #DIVIDEND_PERCENT} %, on what the member spent while a member in the
 *       calendar year, rounded down to the cent and issued as a money voucher on <b>January
 *       1</b>; spend before joining counts for nothing. $500 spent in 2026 as a member gives a
 *       $50.00 voucher at the start of 2027.
 *   <li>A return of a purchase whose year's dividend was already issued <b>reduces the next
 *       dividend</b> by what the returned spend had earned (stated choice: {@code reduce-next});
 *       the decision says so with a {@code DividendAdjusted} effect. The dividend issued is not
 *       taken back.
 *   <li>Each dividend voucher is valid for <b>one year</b> (stated choice).
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Why a point unit: REI Co-op earns no points, but every {@link Program} needs at least one
 * point unit (the builder refuses a program without one). It declares a redeemable unit
 * {@value #POINTS_ID} that no rule grants and no reward costs, so members' balances stay zero.
 *
 * <p>Noted, not configured: member-only sales and discounted classes (seed) have no figure in
 * DOMAIN.md §6; they are prices the host charges, and an offer here would grant points of a unit
 * the program does not use.
 */
public final class ReiCoop {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("rei-co-op");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the unused point unit. */
  public static final String POINTS_ID = "points";
  /** The unused point unit every program must declare. */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The id of the lifetime plan. */
  public static final String PLAN_ID = "co-op";
  /** The lifetime plan. */
  public static final PlanId CO_OP = PlanId.of(PLAN_ID);
  /** The one-time fee (public). */
  public static final Money FEE = Money.of("20", "USD");
  /** The dividend's percentage of the year's member spend (seed). */
  public static final int DIVIDEND_PERCENT = 10;
  /** What a return after the dividend was issued does (stated choice). */
  public static final Dividend.ReturnPolicy ON_RETURN = Dividend.ReturnPolicy.REDUCE_NEXT;
  /** How long a dividend voucher can be used (stated choice). */
  public static final Period DIVIDEND_VALIDITY = Period.ofYears(1);

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("REI Co-op")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .plan(MembershipPlan.lifetime(PLAN_ID, "REI Co-op Membership", FEE, Set.of())
          .withDividend(new Dividend(BigDecimal.valueOf(DIVIDEND_PERCENT), ON_RETURN,
              Optional.of(DIVIDEND_VALIDITY))))
      .build();

  private ReiCoop() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
