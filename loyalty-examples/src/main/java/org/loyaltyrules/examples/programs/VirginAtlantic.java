package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * Virgin Atlantic Flying Club, a tiered program with two currencies on one member (DOMAIN.md §3
 * and §6): <b>miles</b> to spend and <b>tier points</b> that only decide status, both earned from
 * flights and everyday purchases (seed). Its figures, and where each comes from:
 *
 * <ul>
 *   <li>Two units: {@value #MILES_ID}, redeemable, and {@value #TIER_POINTS_ID}, status-only
 *       (seed): tier points can be neither redeemed, donated, transferred nor used to pay.
 *   <li><b>Flights</b> (lines of category {@value #FLIGHTS}) earn <b>5 miles per £1</b> of fare
 *       (rule {@value #FLIGHT_MILES_ID}) and <b>1 tier point per £10</b> (rule
 *       {@value #FLIGHT_TIER_POINTS_ID}) — rates a stated choice.
 *   <li><b>Everyday purchases</b> (lines of category {@value #EVERYDAY}, such as shopping with
 *       partners or the co-branded card) earn <b>both</b> (stated choice): <b>1 mile per £1</b>
 *       (rule {@value #EVERYDAY_MILES_ID}) and <b>1 tier point per £100</b> (rule
 *       {@value #EVERYDAY_TIER_POINTS_ID}) — rates a stated choice.
 *   <li>Each rule rounds down once per order (the library's default).
 *   <li><b>3 tiers on tier points</b> (public): Red from 0, Silver from <b>400</b>, Gold from
 *       <b>1,000</b>, counted over a <b>rolling 12 months</b> (stated choice): the running
 *       calendar month and the 11 before it. A member moves up as soon as the window reaches a
 *       tier; on the first of each month a review lowers the tier to the one earned (stated
 *       choice) if neither the window that closed nor the one running still reaches it.
 *   <li><b>Miles buy future travel</b> (seed): the reward {@value #REWARD_FLIGHT_ID}, a reward
 *       flight for <b>10,000 miles</b> (stated choice). Spending miles leaves tier points and the
 *       tier untouched.
 *   <li>Prices in GBP; dates in {@code Europe/London} (stated choice).
 * </ul>
 *
 * <p>Both balances never expire (the library's default for a unit). The tier-points balance is
 * what a member has ever earned net of reversals; the tier counts only the points earned inside
 * the window.
 *
 * <p>Noted, not configured: the tiers' benefits (lounge access, priority boarding, bonus miles by
 * tier), which DOMAIN.md gives no figures for.
 */
public final class VirginAtlantic {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("virgin-atlantic-flying-club");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");
  /** The id of the redeemable unit. */
  public static final String MILES_ID = "miles";
  /** Miles: redeemable, they buy reward flights (seed). */
  public static final UnitId MILES = UnitId.of(MILES_ID);
  /** The id of the status-only unit. */
  public static final String TIER_POINTS_ID = "tier-points";
  /** Tier points: status-only, they decide the tier (seed). */
  public static final UnitId TIER_POINTS = UnitId.of(TIER_POINTS_ID);
  /** The category of flight lines. */
  public static final String FLIGHTS = "flights";
  /** The category of everyday purchase lines. */
  public static final String EVERYDAY = "everyday";
  /** The id of the flight miles rule. */
  public static final String FLIGHT_MILES_ID = "flight-miles";
  /** 5 miles per £1 on flights (stated choice). */
  public static final RuleId FLIGHT_MILES = RuleId.of(FLIGHT_MILES_ID);
  /** The id of the flight tier points rule. */
  public static final String FLIGHT_TIER_POINTS_ID = "flight-tier-points";
  /** 1 tier point per £10 on flights (stated choice). */
  public static final RuleId FLIGHT_TIER_POINTS = RuleId.of(FLIGHT_TIER_POINTS_ID);
  /** The id of the everyday miles rule. */
  public static final String EVERYDAY_MILES_ID = "everyday-miles";
  /** 1 mile per £1 on everyday purchases (stated choice). */
  public static final RuleId EVERYDAY_MILES = RuleId.of(EVERYDAY_MILES_ID);
  /** The id of the everyday tier points rule. */
  public static final String EVERYDAY_TIER_POINTS_ID = "everyday-tier-points";
  /** 1 tier point per £100 on everyday purchases (stated choice). */
  public static final RuleId EVERYDAY_TIER_POINTS = RuleId.of(EVERYDAY_TIER_POINTS_ID);
  /** The id of the reward flight. */
  public static final String REWARD_FLIGHT_ID = "reward-flight";
  /** A reward flight for 10,000 miles (stated choice). */
  public static final RewardId REWARD_FLIGHT = RewardId.of(REWARD_FLIGHT_ID);
  /** What a reward flight costs, in miles (stated choice). */
  public static final long REWARD_FLIGHT_MILES = 10_000;
  /** The base tier, from 0 tier points (public). */
  public static final TierId RED = TierId.of("red");
  /** The middle tier, from 400 tier points (public). */
  public static final TierId SILVER = TierId.of("silver");
  /** The top tier, from 1,000 tier points (public). */
  public static final TierId GOLD = TierId.of("gold");
  /** The tier points that reach Silver (public). */
  public static final long SILVER_TIER_POINTS = 400;
  /** The tier points that reach Gold (public). */
  public static final long GOLD_TIER_POINTS = 1000;
  /** The months the tier points are counted over, rolling (stated choice). */
  public static final int WINDOW_MONTHS = 12;

  private static final Program PROGRAM = Program.builder(ID, Money.currency("GBP"), ZONE)
      .name("Virgin Atlantic Flying Club")
      .unit(PointUnit.redeemable(MILES_ID, "Miles"))
      .unit(PointUnit.statusOnly(TIER_POINTS_ID, "Tier points"))
      .earnRule(rate(FLIGHT_MILES, MILES, 5, "1", FLIGHTS))
      .earnRule(rate(FLIGHT_TIER_POINTS, TIER_POINTS, 1, "10", FLIGHTS))
      .earnRule(rate(EVERYDAY_MILES, MILES, 1, "1", EVERYDAY))
      .earnRule(rate(EVERYDAY_TIER_POINTS, TIER_POINTS, 1, "100", EVERYDAY))
      .reward(Reward.of(REWARD_FLIGHT_ID, "Reward flight", MILES, REWARD_FLIGHT_MILES,
          RewardKind.FREE_ITEM))
      .tiers(TierLadder.onStatusPoints(TIER_POINTS,
          QualificationWindow.rollingMonths(WINDOW_MONTHS), List.of(
              Tier.of(RED.value(), "Red", 0),
              Tier.of(SILVER.value(), "Silver", SILVER_TIER_POINTS),
              Tier.of(GOLD.value(), "Gold", GOLD_TIER_POINTS))))
      .build();

  private VirginAtlantic() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }

  private static EarnRule rate(RuleId id, UnitId unit, long points, String perPounds,
      String category) {
    return new EarnRule.Rate(id, RuleSettings.defaults(), unit, BigDecimal.valueOf(points),
        Money.of(perPounds, "GBP"), LineFilter.categories(category));
  }
}
