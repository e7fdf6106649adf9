package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyrules.examples.programs.CourseBundles.COURSES;
import static org.loyaltyrules.examples.programs.CourseBundles.FREE_MODULE;
import static org.loyaltyrules.examples.programs.CourseBundles.MODULES;
import static org.loyaltyrules.examples.programs.CourseBundles.POINTS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.rules.ChallengeProgress;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * The course provider's bundles, decided by the library: every three modules bought give a free
 * module, every five $30 courses a $30 voucher, both cards restart, and returns take their items
 * back — the voucher with them while it is unused; a free module handed out stays, and the
 * returned modules are owed.
 */
class CourseBundlesTest {
  private static final Program PROGRAM = CourseBundles.program();
  private static final CompiledProgram COURSES_SITE = LoyaltyRules.compile(PROGRAM);
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  /** The price of a module in these stories (example data, not a program figure). */
  private static final String MODULE_PRICE = "15.00";

  private final List<Decision> decisions = new ArrayList<>();
  private int sequence;

  private static Instant day(int n, int hour) {
    return LocalDateTime.of(2026, 9, 1, hour, 0).plusDays(n - 1)
        .atZone(CourseBundles.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), day(1, 7));
  }

  private Purchase modules(int day, int quantity) {
    return order(day, PurchaseLine.of("l1", "module", CourseBundles.MODULE, quantity,
        Money.of(MODULE_PRICE, "USD")));
  }

  private Purchase courses(int day, int quantity) {
    return order(day, PurchaseLine.of("l1", "course", CourseBundles.COURSE, quantity,
        Money.of("30.00", "USD")));
  }

  private Purchase order(int day, PurchaseLine... lines) {
    return Purchase.builder(ActivityId.of("o" + ++sequence), day(day, 10))
        .lines(List.of(lines)).build();
  }

  private static Return giveBack(String id, int day, Purchase order, int quantity) {
    return Return.of(ActivityId.of(id), day(day, 15), order.id(),
        List.of(ReturnLine.of("l1", quantity)));
  }

  private Member run(Member member, Activity... activities) {
    for (Activity a : activities) {
      Decision d = COURSES_SITE.decide(STATE, member, a, a.occurredAt(), RANDOM);
      assertThat(d.isRefused()).as("%s refused: %s", a.id(), d.errors()).isFalse();
      decisions.add(d);
      member = d.member();
    }
    return member;
  }

  private Decision last() {
    return decisions.get(decisions.size() - 1);
  }

  private List<Long> completions(ChallengeId challenge) {
    return decisions.stream().flatMap(d -> d.effects(Effect.ChallengeCompleted.class).stream())
        .filter(c -> c.challenge().equals(challenge)).map(Effect.ChallengeCompleted::completion)
        .toList();
  }

  private static ChallengeProgress progress(Member member, ChallengeId challenge) {
    return COURSES_SITE.challengeProgress(STATE, member, member.asOf()).stream()
        .filter(p -> p.challenge().equals(challenge)).findFirst().orElseThrow();
  }

  private static final Effect.RewardRedeemed FREE_MODULE_GIVEN =
      new Effect.RewardRedeemed(FREE_MODULE, 1, POINTS, 0);

  @Test
  void theBundlesAreThreeModulesForAFreeOneAndFiveCoursesForAThirtyDollarVoucher() {
    Challenge modules = PROGRAM.challenges().get(MODULES);
    assertThat(modules.goal()).isEqualTo(ChallengeGoal.ITEMS);
    assertThat(modules.target()).isEqualByComparingTo("3");
    assertThat(modules.categories()).containsExactly("module");
    assertThat(modules.grant()).contains(Grant.reward(FREE_MODULE));
    assertThat(modules.restarts()).isTrue();
    Challenge courses = PROGRAM.challenges().get(COURSES);
    assertThat(courses.goal()).isEqualTo(ChallengeGoal.ITEMS);
    assertThat(courses.target()).isEqualByComparingTo("5");
    assertThat(courses.categories()).containsExactly("course");
    assertThat(courses.grant()).contains(Grant.voucher(Money.of("30.00", "USD")));
    assertThat(courses.restarts()).isTrue();
    Reward free = PROGRAM.reward(FREE_MODULE);
    assertThat(free.kind()).isEqualTo(RewardKind.FREE_ITEM);
    assertThat(free.cost()).isEqualTo(100);
    assertThat(free.unit()).isEqualTo(POINTS);
    assertThat(PROGRAM.earnRules()).singleElement().isInstanceOfSatisfying(
        EarnRule.EventBonus.class, r -> {
          assertThat(r.points()).isEqualTo(10);
          assertThat(r.attributes()).isEqualTo(Map.of("name", "lesson-completed"));
          assertThat(r.frequency()).isEqualTo(Frequency.ONCE_PER_DAY);
        });
    assertThat(PROGRAM.zone()).hasToString("America/Los_Angeles");
  }

  @Test
  void sixModulesInOneOrderGiveTwoFreeModules() {
    Member ana = run(ana(), modules(1, 6));
    assertThat(completions(MODULES)).containsExactly(1L, 2L);
    assertThat(last().effects(Effect.RewardRedeemed.class))
        .containsExactly(FREE_MODULE_GIVEN, FREE_MODULE_GIVEN);
    ChallengeProgress p = progress(ana, MODULES);
    assertThat(p.progress()).isEqualByComparingTo("0");
    assertThat(p.completions()).isEqualTo(2);
    assertThat(ana.available(POINTS)).as("free of its points cost").isZero();
    assertThat(completions(COURSES)).isEmpty();
  }

  @Test
  void modulesOneOrderAtATimeAndAPartialReturnTakesProgressBack() {
    Member ana = run(ana(), modules(1, 1));
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("1");
    Purchase two = modules(2, 2);
    ana = run(ana, two);
    assertThat(completions(MODULES)).containsExactly(1L);
    assertThat(progress(ana, MODULES).progress()).as("the card restarted")
        .isEqualByComparingTo("0");

    Purchase again = modules(3, 2);
    ana = run(ana, again);
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("2");
    ana = run(ana, giveBack("r-1", 3, again, 1));
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("1");
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).isEmpty();
    ana = run(ana, modules(4, 2));
    assertThat(completions(MODULES)).containsExactly(1L, 2L);
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("0");
  }

  @Test
  void aModuleReturnedAfterItsFreeModuleWasHandedOutIsOwed() {
    Purchase six = modules(1, 6);
    Member ana = run(ana(), six);
    ana = run(ana, giveBack("r-1", 2, six, 1));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).isEmpty();
    assertThat(last().trace()).anySatisfy(t -> assertThat(t.note()).contains(
        "its reward was handed out; the completion stands and the progress is owed"));
    ChallengeProgress p = progress(ana, MODULES);
    assertThat(p.progress()).isEqualByComparingTo("0");
    assertThat(p.completions()).isEqualTo(2);
    // The next module pays the debt; the one after starts the card again.
    ana = run(ana, modules(3, 1));
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("0");
    ana = run(ana, modules(4, 1));
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("1");
    assertThat(completions(MODULES)).containsExactly(1L, 2L);
  }

  @Test
  void fiveCoursesGiveAThirtyDollarVoucherAndTheSixthStartsTheNextCard() {
    Member ana = run(ana(), courses(1, 1), courses(2, 1), courses(3, 1), courses(4, 1));
    assertThat(progress(ana, COURSES).progress()).isEqualByComparingTo("4");
    assertThat(ana.vouchers()).isEmpty();
    ana = run(ana, courses(5, 1));
    assertThat(completions(COURSES)).containsExactly(1L);
    assertThat(last().effects(Effect.VoucherIssued.class)).singleElement()
        .satisfies(v -> assertThat(v.voucher().value()).isEqualTo(Money.of("30.00", "USD")));
    ana = run(ana, courses(6, 1));
    assertThat(progress(ana, COURSES).progress()).isEqualByComparingTo("1");
    assertThat(progress(ana, COURSES).completionsEver()).isEqualTo(1);
  }

  @Test
  void returningACourseOfACompletedBundleRevokesTheUnusedVoucher() {
    Purchase five = courses(1, 5);
    Member ana = run(ana(), five);
    assertThat(completions(COURSES)).containsExactly(1L);
    assertThat(ana.vouchers().values()).extracting(Voucher::value)
        .containsExactly(Money.of("30.00", "USD"));

    ana = run(ana, giveBack("r-1", 2, five, 1));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).containsExactly(
        new Effect.ChallengeCompletionRevoked(COURSES, "all"));
    assertThat(last().effects(Effect.VoucherRevoked.class)).hasSize(1);
    assertThat(ana.vouchers().values()).extracting(Voucher::status)
        .containsExactly(VoucherStatus.REVOKED);
    ChallengeProgress p = progress(ana, COURSES);
    assertThat(p.progress()).isEqualByComparingTo("4");
    assertThat(p.completions()).isZero();

    ana = run(ana, courses(3, 1));
    assertThat(ana.vouchers().values()).extracting(Voucher::status)
        .containsExactlyInAnyOrder(VoucherStatus.REVOKED, VoucherStatus.ISSUED);
    ana = run(ana, courses(4, 2));
    assertThat(progress(ana, COURSES).progress()).isEqualByComparingTo("2");
  }

  @Test
  void aUsedCourseVoucherStandsAndTheReturnedCourseIsOwed() {
    Purchase five = courses(1, 5);
    Member ana = run(ana(), five);
    Voucher voucher = ana.vouchers().values().iterator().next();
    ana = ana.withVoucher(voucher.withStatus(VoucherStatus.APPLIED));
    ana = run(ana, giveBack("r-1", 2, five, 1));
    assertThat(last().effects(Effect.VoucherRevoked.class)).isEmpty();
    assertThat(progress(ana, COURSES).completions()).isEqualTo(1);
    assertThat(progress(ana, COURSES).progress()).isEqualByComparingTo("0");
    ana = run(ana, courses(3, 2));
    assertThat(progress(ana, COURSES).progress()).as("one course paid the debt")
        .isEqualByComparingTo("1");
  }

  @Test
  void modulesAndCoursesCountOnTheirOwnCards() {
    Member ana = run(ana(), order(1,
        PurchaseLine.of("l1", "module", "module", 2, Money.of(MODULE_PRICE, "USD")),
        PurchaseLine.of("l2", "course", "course", 3, Money.of("30.00", "USD")),
        PurchaseLine.of("l3", "workbook", "book", 4, Money.of("12.00", "USD"))));
    assertThat(progress(ana, MODULES).progress()).isEqualByComparingTo("2");
    assertThat(progress(ana, COURSES).progress()).isEqualByComparingTo("3");
    assertThat(completions(MODULES)).isEmpty();
    assertThat(completions(COURSES)).isEmpty();
  }

  @Test
  void aCompletedLessonEarnsTenPointsOncePerDayAndAHundredBuyAFreeModule() {
    Member ana = ana();
    for (int n = 1; n <= 10; n++) {
      ana = run(ana, EngagementEvent.custom(ActivityId.of("lesson-" + n), day(n, 19),
          CourseBundles.LESSON_EVENT));
    }
    assertThat(ana.available(POINTS)).isEqualTo(100);
    ana = run(ana, EngagementEvent.custom(ActivityId.of("lesson-10b"), day(10, 21),
        CourseBundles.LESSON_EVENT));
    assertThat(ana.available(POINTS)).as("a second lesson the same day").isEqualTo(100);
    assertThat(last().trace()).singleElement()
        .satisfies(t -> {
          assertThat(t.matched()).isFalse();
          assertThat(t.note()).isEqualTo("already earned once per day");
        });

    ana = run(ana, RedeemReward.of(ActivityId.of("redeem-1"), day(11, 9), FREE_MODULE));
    assertThat(last().effects(Effect.RewardRedeemed.class)).containsExactly(
        new Effect.RewardRedeemed(FREE_MODULE, 1, POINTS, 100));
    assertThat(ana.available(POINTS)).isZero();
  }
}
