package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * Odacité Rewards, a points program with event-based earning, paying with points and tiers by
 * spend (DOMAIN.md §3 and §6). Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>1 point per $1</b> spent, rounded down (seed): rule {@value #BASE_RATE_ID}.
 *   <li>Points for actions other than purchases (seed), <b>each once ever</b> per member, with
 *       amounts a stated choice: creating an account <b>100</b> (rule
 *       {@value #ACCOUNT_CREATED_ID}), sharing a birthday <b>100</b> ({@value #BIRTHDAY_SHARED_ID}),
 *       following on Instagram <b>50</b> ({@value #INSTAGRAM_FOLLOW_ID}: a
 *       {@link EngagementType#SOCIAL_FOLLOW} with attribute {@code network=instagram}), sharing
 *       the Facebook page <b>50</b> ({@value #FACEBOOK_SHARE_ID}: a
 *       {@link EngagementType#SOCIAL_SHARE} with {@code network=facebook}).
 *   <li><b>A bonus for new products on bigger orders</b> (seed: bonuses for new products and more
 *       for higher-value purchases), its figures a stated choice: <b>50 points</b> for an order
 *       whose earning amount reaches <b>$100</b> and that holds a product tagged
 *       {@value #NEW_TAG}. Rule {@value #NEW_PRODUCT_BONUS_ID} is a minimum-spend bonus whose
 *       condition is written in the expression language: {@value #NEW_PRODUCT_CONDITION}. A
 *       return that leaves no new product, or less than $100, takes the bonus back.
 *   <li><b>100 points = $5 off at checkout</b> (stated choice; the seed says points are worth
 *       money as a discount at checkout): paid in whole steps of 100 points, up to the whole
 *       order (stated choice); the part of an order paid with points earns no points (the
 *       library's default earn policy), so what it had earned is taken back.
 *   <li><b>3 tiers by spend</b> (seed), their names and thresholds a stated choice, counted over
 *       the calendar year: Rose from $0, Gold from $500, Diamond from $1,000. They carry no multiplier or perk
 *       (the seed names none).
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: "invite friends" (a seed action with no figure in DOMAIN.md §6).
 *
 * <p>Members start in Rose and move up as soon as the calendar year's spend reaches Gold or
 * Diamond; the year's close decides the next year's tier. {@code OdaciteTest} checks it.
 */
public final class Odacite {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("odacite-rewards");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The one unit: points, redeemable. */
  public static final UnitId POINTS = UnitId.of("points");
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 1 point per $1 (seed). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** The id of the account creation bonus. */
  public static final String ACCOUNT_CREATED_ID = "account-created";
  /** 100 points for creating an account, once ever (stated choice). */
  public static final RuleId ACCOUNT_CREATED = RuleId.of(ACCOUNT_CREATED_ID);
  /** The id of the birthday shared bonus. */
  public static final String BIRTHDAY_SHARED_ID = "birthday-shared";
  /** 100 points for sharing a birthday, once ever (stated choice). */
  public static final RuleId BIRTHDAY_SHARED = RuleId.of(BIRTHDAY_SHARED_ID);
  /** The id of the Instagram follow bonus. */
  public static final String INSTAGRAM_FOLLOW_ID = "instagram-follow";
  /** 50 points for following on Instagram, once ever (stated choice). */
  public static final RuleId INSTAGRAM_FOLLOW = RuleId.of(INSTAGRAM_FOLLOW_ID);
  /** The id of the Facebook share bonus. */
  public static final String FACEBOOK_SHARE_ID = "facebook-share";
  /** 50 points for sharing the Facebook page, once ever (stated choice). */
  public static final RuleId FACEBOOK_SHARE = RuleId.of(FACEBOOK_SHARE_ID);
  /** The id of the new-product bonus. */
  public static final String NEW_PRODUCT_BONUS_ID = "new-product-bonus";
  /** 50 points for a $100 order holding a new product (stated choice). */
  public static final RuleId NEW_PRODUCT_BONUS = RuleId.of(NEW_PRODUCT_BONUS_ID);
  /** The tag of new products. */
  public static final String NEW_TAG = "new";
  /** The new-product bonus's condition, in the expression language. */
  public static final String NEW_PRODUCT_CONDITION = "any(hasTag('new'))";
  /** The new-product bonus, in points (stated choice). */
  public static final long NEW_PRODUCT_BONUS_POINTS = 50;
  /** The earning amount an order needs for the new-product bonus (stated choice). */
  public static final Money NEW_PRODUCT_MINIMUM = Money.of("100", "USD");
  /** The engagement attribute naming the social network. */
  public static final String NETWORK = "network";
  /** Points per step of paying with points (stated choice). */
  public static final long POINTS_PER_STEP = 100;
  /** What one step of points pays (stated choice). */
  public static final Money VALUE_PER_STEP = Money.of("5", "USD");
  /** The base tier, from $0 spent in the calendar year. */
  public static final TierId ROSE = TierId.of("rose");
  /** The middle tier, from $500 spent in the calendar year (stated choice). */
  public static final TierId GOLD = TierId.of("gold");
  /** The top tier, from $1,000 spent in the calendar year (stated choice). */
  public static final TierId DIAMOND = TierId.of("diamond");

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Odacité Rewards")
      .unit(PointUnit.redeemable(POINTS.value(), "Points"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, POINTS, 1, Money.of("1", "USD")))
      .earnRule(new EarnRule.MinimumSpendBonus(NEW_PRODUCT_BONUS, RuleSettings.defaults()
          .when(Expression.of(NEW_PRODUCT_CONDITION)), POINTS, NEW_PRODUCT_BONUS_POINTS,
          NEW_PRODUCT_MINIMUM))
      .earnRule(onceEver(ACCOUNT_CREATED, 100, EngagementType.ACCOUNT_CREATED, Map.of()))
      .earnRule(onceEver(BIRTHDAY_SHARED, 100, EngagementType.BIRTHDAY_SHARED, Map.of()))
      .earnRule(onceEver(INSTAGRAM_FOLLOW, 50, EngagementType.SOCIAL_FOLLOW,
          Map.of(NETWORK, "instagram")))
      .earnRule(onceEver(FACEBOOK_SHARE, 50, EngagementType.SOCIAL_SHARE,
          Map.of(NETWORK, "facebook")))
      .pointsPayment(new PointsPayment(POINTS, POINTS_PER_STEP, VALUE_PER_STEP, BigDecimal.ONE))
      .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
          Tier.of(ROSE.value(), "Rose", 0),
          Tier.of(GOLD.value(), "Gold", 500),
          Tier.of(DIAMOND.value(), "Diamond", 1000))))
      .build();

  private Odacite() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }

  private static EarnRule onceEver(RuleId id, long points, EngagementType event,
      Map<String, String> attributes) {
    return new EarnRule.EventBonus(id, RuleSettings.defaults(), POINTS, points, event,
        attributes, Frequency.ONCE_EVER);
  }
}
