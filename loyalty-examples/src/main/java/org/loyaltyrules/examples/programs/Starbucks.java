package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.OfferId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * Starbucks Rewards, a points program with a time-limited multiplier and a birthday reward
 * (DOMAIN.md §3 and §6). Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>2 stars per $1</b> spent, on the whole order, rounded down (seed): rule
 *       {@value #BASE_RATE_ID}.
 *   <li><b>Double Star Day</b>, twice the stars (seed); the day is a stated choice: all of
 *       Wednesday 18 March 2026 in the program's zone, an {@link Offer} with multiplier 2 whose
 *       trace entry is {@code offer:double-star-day}.
 *   <li><b>A free handcrafted drink for 200 stars</b> (public), reward {@value #DRINK_ID}, a
 *       {@link RewardKind#FREE_ITEM}.
 *   <li><b>A free drink on the member's birthday</b> (seed): rule {@value #BIRTHDAY_DRINK_ID}
 *       grants the handcrafted drink once a year, when the birthday begins in the program's zone
 *       (a 29 February birthday falls on 28 February in other years); it costs no stars.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice: the zone Double Star
 *       Day and the birthday are read in).
 * </ul>
 *
 * <p>Not modelled, for want of a figure: the e-card members load money on (a payment instrument;
 * the seed gives it no extra stars), "other games for bonus stars", other rewards for stars, and
 * star expiry. The program is tierless.
 */
public final class Starbucks {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("starbucks-rewards");
  /** The program's zone: Double Star Day and birthdays are days in this zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The one unit: stars, redeemable. */
  public static final UnitId STARS = UnitId.of("stars");
  /** The id of the handcrafted drink reward. */
  public static final String DRINK_ID = "handcrafted-drink";
  /** The handcrafted drink, 200 stars (public). */
  public static final RewardId HANDCRAFTED_DRINK = RewardId.of(DRINK_ID);
  /** What the handcrafted drink costs, in stars (public). */
  public static final long DRINK_COST = 200;
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 2 stars per $1 (seed). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** Stars per dollar (seed). */
  public static final long STARS_PER_DOLLAR = 2;
  /** The Double Star Day offer's id. */
  public static final OfferId DOUBLE_STAR_DAY_OFFER = OfferId.of("double-star-day");
  /** The rule id the Double Star Day offer has in a decision's trace. */
  public static final RuleId DOUBLE_STAR_DAY_RULE = RuleId.of("offer:double-star-day");
  /** The Double Star Day: all of this day, in {@link #ZONE} (stated choice). */
  public static final LocalDate DOUBLE_STAR_DAY = LocalDate.of(2026, 3, 18);
  /** The id of the birthday rule. */
  public static final String BIRTHDAY_DRINK_ID = "birthday-drink";
  /** The birthday rule: a free handcrafted drink once a year on the birthday (seed). */
  public static final RuleId BIRTHDAY_DRINK = RuleId.of(BIRTHDAY_DRINK_ID);

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Starbucks Rewards")
      .unit(PointUnit.redeemable(STARS.value(), "Stars"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, STARS, STARS_PER_DOLLAR, Money.of("1", "USD")))
      .offer(Offer.multiplier(DOUBLE_STAR_DAY_OFFER.value(), "Double Star Day",
          DOUBLE_STAR_DAY.atStartOfDay(), DOUBLE_STAR_DAY.plusDays(1).atStartOfDay(), STARS,
          BigDecimal.valueOf(2)))
      .reward(Reward.of(DRINK_ID, "Handcrafted drink", STARS, DRINK_COST, RewardKind.FREE_ITEM))
      .earnRule(EarnRule.DateReward.birthday(BIRTHDAY_DRINK_ID, Grant.reward(HANDCRAFTED_DRINK)))
      .build();

  private Starbucks() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
