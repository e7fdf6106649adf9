package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * An online course provider's minimum-purchase bundles (DOMAIN.md §2, seed 000). Its figures,
 * and where each comes from:
 *
 * <ul>
 *   <li><b>Buy three course modules, the fourth is free</b> (seed): challenge
 *       {@value #MODULES_ID} counts the items of category {@value #MODULE} bought, and every
 *       {@value #MODULES_TARGET} give a free module, the catalogue reward
 *       {@value #FREE_MODULE_ID} granted free of its points cost. Six modules in one order give
 *       two.
 *   <li><b>Take five $30 courses, get one free</b> (seed): challenge {@value #COURSES_ID}
 *       counts the items of category {@value #COURSE}, and every {@value #COURSES_TARGET} give a
 *       <b>USD 30.00 voucher</b>, the price of a course (seed), with no expiry. The price is the
 *       catalogue's: the challenge counts courses, not dollars.
 *   <li><b>Both cards restart</b> (choice): items beyond a completion count
 *       toward the next one.
 *   <li><b>A return takes its items back</b> (the library's rule): returning courses below a
 *       completion revokes its voucher while it is unused; a free module handed out cannot be
 *       taken back, so its completion stands and the returned modules are owed by the next
 *       ones bought.
 *   <li><b>Points for course participation, exchanged for other courses</b> (seed), figures a
 *       choice: rule {@value #LESSON_ID} gives <b>10 points</b> for a completed lesson (a custom
 *       event named {@value #LESSON_EVENT}), <b>once per day</b>; a free module costs
 *       <b>100 points</b>.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 */
public final class CourseBundles {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("course-bundles");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the unit. */
  public static final String POINTS_ID = "points";
  /** Points for course participation, redeemable for a free module (seed). */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The category of course modules. */
  public static final String MODULE = "module";
  /** The category of courses. */
  public static final String COURSE = "course";
  /** The id of the module bundle. */
  public static final String MODULES_ID = "modules";
  /** The module bundle: three modules, the fourth free (seed). */
  public static final ChallengeId MODULES = ChallengeId.of(MODULES_ID);
  /** The modules bought that earn a free one (seed). */
  public static final long MODULES_TARGET = 3;
  /** The id of the free module reward. */
  public static final String FREE_MODULE_ID = "free-module";
  /** The free module, granted by the module bundle or bought with points. */
  public static final RewardId FREE_MODULE = RewardId.of(FREE_MODULE_ID);
  /** What a free module costs in points (choice). */
  public static final long FREE_MODULE_COST = 100;
  /** The id of the course bundle. */
  public static final String COURSES_ID = "courses";
  /** The course bundle: five courses, one free (seed). */
  public static final ChallengeId COURSES = ChallengeId.of(COURSES_ID);
  /** The courses taken that earn a free one (seed). */
  public static final long COURSES_TARGET = 5;
  /** The price of a course, and the value of the free course voucher (seed). */
  public static final Money COURSE_PRICE = Money.of("30.00", "USD");
  /** The id of the lesson bonus. */
  public static final String LESSON_ID = "lesson-completed";
  /** Points for a completed lesson, once per day (choice). */
  public static final RuleId LESSON = RuleId.of(LESSON_ID);
  /** The name of the custom event a completed lesson sends. */
  public static final String LESSON_EVENT = "lesson-completed";
  /** Points per completed lesson (choice). */
  public static final long LESSON_POINTS = 10;

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Course Bundles")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .earnRule(new EarnRule.EventBonus(LESSON, RuleSettings.defaults(), POINTS, LESSON_POINTS,
          EngagementType.CUSTOM, Map.of(EngagementEvent.NAME, LESSON_EVENT),
          Frequency.ONCE_PER_DAY))
      .reward(Reward.of(FREE_MODULE_ID, "Free course module", POINTS, FREE_MODULE_COST,
          RewardKind.FREE_ITEM))
      .challenge(bundle(MODULES, "Three modules, the fourth free", MODULES_TARGET, MODULE,
          Grant.reward(FREE_MODULE)))
      .challenge(bundle(COURSES, "Five courses, one free", COURSES_TARGET, COURSE,
          Grant.voucher(COURSE_PRICE)))
      .build();

  private CourseBundles() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }

  private static Challenge bundle(ChallengeId id, String name, long items, String category,
      Grant grant) {
    return new Challenge(id, name, ChallengeGoal.ITEMS, BigDecimal.valueOf(items),
        Set.of(category), Optional.empty(), ChallengeWindow.NONE, grant, true);
  }
}
