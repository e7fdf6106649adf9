package org.loyaltyrules.examples.programs;

import java.time.ZoneId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * PetSmart Treats, a points program whose points can also be donated (DOMAIN.md §3 and §6). Its
 * figures, and where each comes from:
 *
 * <ul>
 *   <li><b>8 points per $1</b> spent, in store or online, rounded down (seed): rule
 *       {@value #BASE_RATE_ID}.
 *   <li><b>1,000 points = a $5 reward</b> (public): reward {@value #FIVE_DOLLAR_REWARD_ID}, a
 *       {@link RewardKind#VOUCHER} worth USD 5; redeeming it puts a $5 voucher in the member's
 *       state.
 *   <li><b>Points donated to the animal charity</b> (seed) at <b>$0.005 a point</b>, the same
 *       value the $5 reward gives them (stated choice, DOMAIN.md §6): cause
 *       {@value #CHARITY_ID}; any positive number of points (stated choice), so 1,000 points give
 *       the charity USD 5.00.
 *   <li>Prices in USD; dates in {@code America/Phoenix} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: free delivery for members (a perk of membership itself; the program
 * is tierless and has no paid plan to hang it on, so the host simply charges members no delivery
 * fee); member-only sales (prices, not points); spending points on grooming, hotel or training
 * (further rewards, for which the seed gives no prices); the pet's birthday surprise (the model
 * knows the member's birthday, not the pet's, and the seed names no surprise).
 */
public final class PetSmartTreats {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("petsmart-treats");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Phoenix");
  /** The one unit: points, redeemable. */
  public static final UnitId POINTS = UnitId.of("points");
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 8 points per $1 (seed). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** Points per dollar (seed). */
  public static final long POINTS_PER_DOLLAR = 8;
  /** The id of the $5 reward. */
  public static final String FIVE_DOLLAR_REWARD_ID = "five-dollar-reward";
  /** The $5 reward, 1,000 points (public). */
  public static final RewardId FIVE_DOLLAR_REWARD = RewardId.of(FIVE_DOLLAR_REWARD_ID);
  /** What the $5 reward costs, in points (public). */
  public static final long FIVE_DOLLAR_REWARD_COST = 1000;
  /** The id of the animal charity. */
  public static final String CHARITY_ID = "animal-charity";
  /** The animal charity members donate points to (seed). */
  public static final CauseId CHARITY = CauseId.of(CHARITY_ID);
  /** What one donated point gives the charity: $0.005, as in the $5 reward (stated choice). */
  public static final Money POINT_VALUE = Money.of("0.005", "USD");

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("PetSmart Treats")
      .unit(PointUnit.redeemable(POINTS.value(), "Points"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, POINTS, POINTS_PER_DOLLAR, Money.of("1", "USD")))
      .reward(Reward.worth(FIVE_DOLLAR_REWARD_ID, "$5 reward", POINTS, FIVE_DOLLAR_REWARD_COST,
          RewardKind.VOUCHER, Money.of("5", "USD")))
      .cause(Cause.of(CHARITY_ID, "Animal charity", POINT_VALUE))
      .build();

  private PetSmartTreats() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
