package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.TimeWindow;

/**
 * Starbucks Rewards' "other games for bonus stars" (seed 004; DOMAIN.md §2 gamified and §3), a
 * program of its own beside the plain {@link Starbucks} example. The challenges are modelled on
 * Starbucks' public "Star Dash"-style challenges; their figures are stated choices. Its figures,
 * and where each comes from:
 *
 * <ul>
 *   <li><b>2 stars per $1</b> spent, on the whole order, rounded down (seed): rule
 *       {@value #BASE_RATE_ID}.
 *   <li><b>Visit 3 times this week → 50 bonus stars</b> (choice): challenge
 *       {@value #THREE_VISITS_ID}, three purchases in a calendar week (Monday to Sunday), once a
 *       week; it begins again with every week.
 *   <li><b>3 days in a row → 100 bonus stars</b> (choice): challenge {@value #STREAK_ID}, a
 *       purchase on each of three consecutive days; it restarts, so each new run of three days
 *       earns again (the days of one streak never count toward the next).
 *   <li><b>Spend $25 this week → 75 bonus stars</b> (choice): challenge {@value #SPEND_25_ID},
 *       the prices of the lines bought in a calendar week, once a week.
 *   <li><b>Try 3 different drinks this month → 60 bonus stars</b> (choice): challenge
 *       {@value #THREE_DRINKS_ID}, three distinct skus of category {@value #DRINKS} in a calendar
 *       month, once a month.
 *   <li><b>Spring Star Dash: 5 visits between 16 and 29 March 2026 → 150 bonus stars</b>
 *       (choice): challenge {@value #STAR_DASH_ID}, a campaign that counts only while it runs and
 *       completes once.
 *   <li>Prices in USD; dates, weeks and days in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Each challenge's bonus is attributed to the rule {@code challenge:ID@WINDOW}, such as
 * {@code challenge:three-visits@2026-W10}. A return takes back the progress its purchase gave;
 * a completion it undoes is taken back with its bonus stars.
 *
 * <p>Not modelled: the handcrafted drink, Double Star Day and the birthday drink, which the
 * {@link Starbucks} example shows.
 */
public final class StarbucksChallenges {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("starbucks-challenges");
  /** The program's zone: weeks, days and months are read in it (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The one unit: stars, redeemable. */
  public static final UnitId STARS = UnitId.of("stars");
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** The base rate rule: 2 stars per $1 (seed). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** Stars per dollar (seed). */
  public static final long STARS_PER_DOLLAR = 2;
  /** The category of drinks, which the distinct-drinks challenge counts. */
  public static final String DRINKS = "drinks";

  /** The id of the weekly visits challenge. */
  public static final String THREE_VISITS_ID = "three-visits";
  /** Visit 3 times this week (choice). */
  public static final ChallengeId THREE_VISITS = ChallengeId.of(THREE_VISITS_ID);
  /** Visits a week that complete it (choice). */
  public static final long VISITS_PER_WEEK = 3;
  /** Its bonus, in stars (choice). */
  public static final long VISITS_BONUS = 50;

  /** The id of the streak challenge. */
  public static final String STREAK_ID = "three-day-streak";
  /** 3 days in a row (choice). */
  public static final ChallengeId STREAK = ChallengeId.of(STREAK_ID);
  /** Consecutive days with a purchase that complete it (choice). */
  public static final int STREAK_DAYS = 3;
  /** Its bonus, in stars (choice). */
  public static final long STREAK_BONUS = 100;

  /** The id of the weekly spend challenge. */
  public static final String SPEND_25_ID = "spend-25";
  /** Spend $25 this week (choice). */
  public static final ChallengeId SPEND_25 = ChallengeId.of(SPEND_25_ID);
  /** The week's spend that completes it (choice). */
  public static final Money WEEKLY_SPEND = Money.of("25", "USD");
  /** Its bonus, in stars (choice). */
  public static final long SPEND_BONUS = 75;

  /** The id of the distinct drinks challenge. */
  public static final String THREE_DRINKS_ID = "three-drinks";
  /** Try 3 different drinks this month (choice). */
  public static final ChallengeId THREE_DRINKS = ChallengeId.of(THREE_DRINKS_ID);
  /** Distinct drinks a month that complete it (choice). */
  public static final long DRINKS_PER_MONTH = 3;
  /** Its bonus, in stars (choice). */
  public static final long DRINKS_BONUS = 60;

  /** The id of the campaign challenge. */
  public static final String STAR_DASH_ID = "spring-star-dash";
  /** Spring Star Dash, a campaign (choice). */
  public static final ChallengeId STAR_DASH = ChallengeId.of(STAR_DASH_ID);
  /** Visits during the campaign that complete it (choice). */
  public static final long STAR_DASH_VISITS = 5;
  /** Its bonus, in stars (choice). */
  public static final long STAR_DASH_BONUS = 150;
  /** When the campaign runs, in {@link #ZONE}: 16 March 2026 to the end of 29 March (choice). */
  public static final TimeWindow STAR_DASH_RUNS = new TimeWindow(
      LocalDateTime.of(2026, 3, 16, 0, 0), LocalDateTime.of(2026, 3, 30, 0, 0));

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Starbucks Rewards bonus-star challenges")
      .unit(PointUnit.redeemable(STARS.value(), "Stars"))
      .earnRule(EarnRule.Rate.of(BASE_RATE_ID, STARS, STARS_PER_DOLLAR, Money.of("1", "USD")))
      .challenge(new Challenge(THREE_VISITS, "Visit 3 times this week", ChallengeGoal.PURCHASES,
          BigDecimal.valueOf(VISITS_PER_WEEK), Set.of(), Optional.empty(), ChallengeWindow.WEEK,
          Grant.points(STARS, VISITS_BONUS), false))
      .challenge(new Challenge(STREAK, "3 days in a row", ChallengeGoal.PURCHASES,
          BigDecimal.ONE, Set.of(), Optional.empty(), ChallengeWindow.DAY,
          Grant.points(STARS, STREAK_BONUS), true).withStreak(STREAK_DAYS))
      .challenge(new Challenge(SPEND_25, "Spend $25 this week", ChallengeGoal.AMOUNT,
          WEEKLY_SPEND.amount(), Set.of(), Optional.empty(), ChallengeWindow.WEEK,
          Grant.points(STARS, SPEND_BONUS), false))
      .challenge(new Challenge(THREE_DRINKS, "Try 3 different drinks this month",
          ChallengeGoal.DISTINCT_ITEMS, BigDecimal.valueOf(DRINKS_PER_MONTH), Set.of(DRINKS),
          Optional.empty(), ChallengeWindow.MONTH, Grant.points(STARS, DRINKS_BONUS), false))
      .challenge(new Challenge(STAR_DASH, "Spring Star Dash", ChallengeGoal.PURCHASES,
          BigDecimal.valueOf(STAR_DASH_VISITS), Set.of(), Optional.empty(), Map.of(),
          ChallengeWindow.CAMPAIGN, Optional.of(STAR_DASH_RUNS), 1,
          Optional.of(Grant.points(STARS, STAR_DASH_BONUS)), false))
      .build();

  private StarbucksChallenges() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }

  /** The rule a challenge's bonus in a window is attributed to: {@code challenge:ID@WINDOW}. */
  public static RuleId bonusRule(ChallengeId challenge, String window) {
    return RuleId.of("challenge:" + challenge.value() + "@" + window);
  }
}
