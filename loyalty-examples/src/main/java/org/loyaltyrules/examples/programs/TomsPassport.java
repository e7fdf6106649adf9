package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * TOMS Passport Rewards, a value-based points program whose points are spent at checkout or
 * donated, one-to-one in money, to a cause the member chooses (DOMAIN.md §3 and §6). Its figures,
 * and where each comes from:
 *
 * <ul>
 *   <li><b>Free to join</b> (seed): no paid plan; a member earns from the first purchase.
 *   <li><b>Points per purchase</b> (seed) at <b>1 point per $1</b>, rounded down once per order
 *       (stated choice, DOMAIN.md §6): rule {@value #BASE_RATE_ID}.
 *   <li><b>Twice the points on products tagged {@value #ECO_TAG}</b> (stated choice: earning
 *       aligned with the causes): rule {@value #ECO_DOUBLE_ID}, a multiplier of 2 limited to the
 *       lines tagged {@value #ECO_TAG}; other lines of the same order earn the base rate.
 *   <li><b>100 points = $1 off at checkout</b> (DOMAIN.md §6, a stated choice): paid in whole
 *       steps of 100 points, up to the whole order (stated choice), so a point is worth
 *       <b>$0.01</b> to the member. The part of an order paid with points earns no points (the
 *       library's default earn policy), so what it had earned is taken back.
 *   <li><b>Points donated to a giving fund</b> (seed) at <b>$0.01 a point</b>, the same value
 *       they have at checkout, one-to-one in money (seed): cause {@value #GIVING_FUND_ID}; 500
 *       points give the fund USD 5.00, as they would pay USD 5.00 of an order.
 *   <li><b>A second cause</b>, so the member chooses where to give (stated choice): cause
 *       {@value #CLEAN_WATER_ID}, a clean-water fund at the same $0.01 a point.
 *   <li>Each donation gives <b>at least 100 points, in steps of 100</b> (stated choice: a whole
 *       dollar at a time), to either cause; the library refuses any other amount, and any cause
 *       the program does not have.
 *   <li><b>3 tiers by spend in the calendar year</b> (seed), their names and thresholds a stated
 *       choice: Traveler from $0, Adventurer from $150, Explorer from $500. A member moves up as
 *       soon as the year's spend reaches a tier; each January 1 the tier is reviewed and lowered
 *       to the tier earned if neither the closed year nor the new one reaches it (the library's
 *       defaults). They carry no multiplier or perk (the seed names none).
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: spending points on products or offers other than at checkout (the
 * seed names them but gives no catalogue or price); the giving funds' real names (the seed
 * speaks of a giving fund; the names here are descriptive).
 */
public final class TomsPassport {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("toms-passport");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The one unit: points, redeemable. */
  public static final UnitId POINTS = UnitId.of("points");
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 1 point per $1 (stated choice). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** Points per dollar (stated choice, DOMAIN.md §6). */
  public static final long POINTS_PER_DOLLAR = 1;
  /** The id of the eco multiplier. */
  public static final String ECO_DOUBLE_ID = "eco-double";
  /** Twice the points on lines tagged {@value #ECO_TAG} (stated choice). */
  public static final RuleId ECO_DOUBLE = RuleId.of(ECO_DOUBLE_ID);
  /** The tag of products that earn double. */
  public static final String ECO_TAG = "eco";
  /** The eco multiplier's factor (stated choice). */
  public static final BigDecimal ECO_FACTOR = BigDecimal.valueOf(2);
  /** Points per step of paying with points (DOMAIN.md §6). */
  public static final long POINTS_PER_STEP = 100;
  /** What one step of points pays (DOMAIN.md §6). */
  public static final Money VALUE_PER_STEP = Money.of("1", "USD");
  /** What one point is worth, at checkout and to a cause: $0.01 (seed: one-to-one). */
  public static final Money POINT_VALUE = Money.of("0.01", "USD");
  /** The id of the giving fund. */
  public static final String GIVING_FUND_ID = "giving-fund";
  /** The giving fund members donate points to (seed). */
  public static final CauseId GIVING_FUND = CauseId.of(GIVING_FUND_ID);
  /** The id of the clean-water fund. */
  public static final String CLEAN_WATER_ID = "clean-water";
  /** The second cause, a clean-water fund (stated choice). */
  public static final CauseId CLEAN_WATER = CauseId.of(CLEAN_WATER_ID);
  /** The fewest points one donation gives (stated choice). */
  public static final long DONATION_MINIMUM = 100;
  /** Donations are whole multiples of this many points (stated choice). */
  public static final long DONATION_STEP = 100;
  /** The base tier, from $0 spent in the calendar year (stated choice). */
  public static final TierId TRAVELER = TierId.of("traveler");
  /** The middle tier, from $150 spent in the calendar year (stated choice). */
  public static final TierId ADVENTURER = TierId.of("adventurer");
  /** The top tier, from $500 spent in the calendar year (stated choice). */
  public static final TierId EXPLORER = TierId.of("explorer");
  /** The spend in a calendar year that reaches Adventurer (stated choice), in dollars. */
  public static final long ADVENTURER_SPEND = 150;
  /** The spend in a calendar year that reaches Explorer (stated choice), in dollars. */
  public static final long EXPLORER_SPEND = 500;

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("TOMS Passport Rewards")
      .unit(PointUnit.redeemable(POINTS.value(), "Points"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, POINTS, POINTS_PER_DOLLAR, Money.of("1", "USD")))
      .earnRule(new EarnRule.Multiplier(ECO_DOUBLE, RuleSettings.defaults(), POINTS, ECO_FACTOR,
          new LineFilter(Set.of(), Set.of(), Set.of(ECO_TAG))))
      .pointsPayment(new PointsPayment(POINTS, POINTS_PER_STEP, VALUE_PER_STEP, BigDecimal.ONE))
      .cause(new Cause(GIVING_FUND, "Giving fund", POINT_VALUE, DONATION_MINIMUM,
          DONATION_STEP))
      .cause(new Cause(CLEAN_WATER, "Clean water fund", POINT_VALUE, DONATION_MINIMUM,
          DONATION_STEP))
      .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
          Tier.of(TRAVELER.value(), "Traveler", 0),
          Tier.of(ADVENTURER.value(), "Adventurer", ADVENTURER_SPEND),
          Tier.of(EXPLORER.value(), "Explorer", EXPLORER_SPEND))))
      .build();

  private TomsPassport() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
