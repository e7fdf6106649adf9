package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyrules.examples.programs.StarbucksChallenges.SPEND_25;
import static org.loyaltyrules.examples.programs.StarbucksChallenges.STARS;
import static org.loyaltyrules.examples.programs.StarbucksChallenges.STAR_DASH;
import static org.loyaltyrules.examples.programs.StarbucksChallenges.STREAK;
import static org.loyaltyrules.examples.programs.StarbucksChallenges.THREE_DRINKS;
import static org.loyaltyrules.examples.programs.StarbucksChallenges.THREE_VISITS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.rules.ChallengeProgress;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * Starbucks-style bonus-star challenges, decided by the library: every purchase earns 2 stars
 * per $1 and counts toward every challenge at once, so each balance below adds the base stars
 * and every bonus the purchase completed. 2 March 2026 is a Monday: week 2026-W10 runs from 2 to
 * 8 March, 2026-W11 from 9 to 15 March, in {@code America/Los_Angeles}.
 */
class StarbucksChallengesTest {
  private static final CompiledProgram STARBUCKS =
      LoyaltyRules.compile(StarbucksChallenges.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");

  private final List<Decision> decisions = new ArrayList<>();

  private static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0).atZone(StarbucksChallenges.ZONE)
        .toInstant();
  }

  private static Instant at(int month, int day) {
    return at(month, day, 9);
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(3, 1, 8));
  }

  private static PurchaseLine line(String id, String sku, String category, String price) {
    return PurchaseLine.of(id, sku, category, 1, Money.of(price, "USD"));
  }

  private static PurchaseLine drink(String sku, String price) {
    return line("l1", sku, StarbucksChallenges.DRINKS, price);
  }

  private static Purchase order(String id, Instant when, PurchaseLine... lines) {
    return Purchase.builder(ActivityId.of(id), when).lines(List.of(lines)).build();
  }

  /** A $2.00 cookie: 4 stars, a visit, no drink. */
  private static Purchase cookie(String id, Instant when) {
    return order(id, when, line("l1", "cookie", "bakery", "2.00"));
  }

  private Member run(Member member, Activity... activities) {
    for (Activity a : activities) {
      Decision d = STARBUCKS.decide(STATE, member, a, a.occurredAt(), RANDOM);
      assertThat(d.isRefused()).as("%s refused: %s", a.id(), d.errors()).isFalse();
      decisions.add(d);
      member = d.member();
    }
    return member;
  }

  private Decision last() {
    return decisions.get(decisions.size() - 1);
  }

  /** The bonus stars a decision gave for a challenge, in any window. */
  private static long bonus(Decision d, ChallengeId challenge) {
    return d.effects(Effect.PointsEarned.class).stream()
        .filter(e -> e.rule().filter(r -> r.value().startsWith("challenge:" + challenge.value()
            + "@")).isPresent())
        .mapToLong(Effect.PointsEarned::points).sum();
  }

  private List<String> completedWindows(ChallengeId challenge) {
    return decisions.stream().flatMap(d -> d.effects(Effect.ChallengeCompleted.class).stream())
        .filter(c -> c.challenge().equals(challenge)).map(Effect.ChallengeCompleted::window)
        .toList();
  }

  private static ChallengeProgress progress(Member member, ChallengeId challenge, Instant at) {
    return STARBUCKS.challengeProgress(STATE, member, at).stream()
        .filter(p -> p.challenge().equals(challenge)).findFirst().orElseThrow();
  }

  private static Challenge challenge(ChallengeId id) {
    return StarbucksChallenges.program().challenges().get(id);
  }

  @Test
  void twoStarsPerDollarRoundedDown() {
    Decision d = STARBUCKS.decide(STATE, ana(), order("o-1", at(3, 2),
        line("l1", "latte", "drinks", "6.25"), line("l2", "scone", "bakery", "3.10")), at(3, 2),
        RANDOM);
    // $9.35 earns 18.7 stars, rounded down to 18.
    assertThat(d.member().available(STARS)).isEqualTo(18);
    assertThat(d.effects(Effect.PointsEarned.class)).singleElement().satisfies(e -> {
      assertThat(e.rule()).contains(StarbucksChallenges.BASE_RATE);
      assertThat(e.points()).isEqualTo(18);
    });
  }

  @Test
  void theChallengesAreAsPublished() {
    assertThat(StarbucksChallenges.program().challenges().keySet()).containsExactly(
        THREE_VISITS, STREAK, SPEND_25, THREE_DRINKS, STAR_DASH);
    Challenge visits = challenge(THREE_VISITS);
    assertThat(visits.goal()).isEqualTo(ChallengeGoal.PURCHASES);
    assertThat(visits.target()).isEqualByComparingTo("3");
    assertThat(visits.window()).isEqualTo(ChallengeWindow.WEEK);
    assertThat(visits.grant()).contains(Grant.points(STARS, 50));
    assertThat(visits.restarts()).isFalse();

    Challenge streak = challenge(STREAK);
    assertThat(streak.target()).isEqualByComparingTo("1");
    assertThat(streak.window()).isEqualTo(ChallengeWindow.DAY);
    assertThat(streak.streak()).isEqualTo(3);
    assertThat(streak.grant()).contains(Grant.points(STARS, 100));
    assertThat(streak.restarts()).isTrue();

    Challenge spend = challenge(SPEND_25);
    assertThat(spend.goal()).isEqualTo(ChallengeGoal.AMOUNT);
    assertThat(spend.target()).isEqualByComparingTo("25");
    assertThat(spend.window()).isEqualTo(ChallengeWindow.WEEK);
    assertThat(spend.grant()).contains(Grant.points(STARS, 75));

    Challenge drinks = challenge(THREE_DRINKS);
    assertThat(drinks.goal()).isEqualTo(ChallengeGoal.DISTINCT_ITEMS);
    assertThat(drinks.target()).isEqualByComparingTo("3");
    assertThat(drinks.categories()).isEqualTo(Set.of("drinks"));
    assertThat(drinks.window()).isEqualTo(ChallengeWindow.MONTH);
    assertThat(drinks.grant()).contains(Grant.points(STARS, 60));

    Challenge dash = challenge(STAR_DASH);
    assertThat(dash.goal()).isEqualTo(ChallengeGoal.PURCHASES);
    assertThat(dash.target()).isEqualByComparingTo("5");
    assertThat(dash.window()).isEqualTo(ChallengeWindow.CAMPAIGN);
    assertThat(dash.runs()).hasValueSatisfying(r -> {
      assertThat(r.from()).isEqualTo(LocalDateTime.of(2026, 3, 16, 0, 0));
      assertThat(r.until()).isEqualTo(LocalDateTime.of(2026, 3, 30, 0, 0));
    });
    assertThat(dash.grant()).contains(Grant.points(STARS, 150));
    assertThat(dash.restarts()).isFalse();
  }

  @Test
  void threeVisitsInAWeekEarnFiftyStarsOnceAWeekAndTheNextWeekStartsAgain() {
    Member ana = run(ana(), order("o-1", at(3, 2), drink("latte", "5.00")),
        order("o-2", at(3, 3), drink("cold-brew", "4.50")));
    assertThat(ana.available(STARS)).isEqualTo(10 + 9);

    // "2 of 3 visits this week", the week ending at midnight on Monday 9 March.
    ChallengeProgress week = progress(ana, THREE_VISITS, at(3, 3, 10));
    assertThat(week.window()).isEqualTo("2026-W10");
    assertThat(week.progress()).isEqualByComparingTo("2");
    assertThat(week.target()).isEqualByComparingTo("3");
    assertThat(week.windowEnds()).contains(at(3, 9, 0));
    assertThat(week.open()).isTrue();
    assertThat(last().effects(Effect.ChallengeProgressed.class))
        .filteredOn(p -> p.challenge().equals(THREE_VISITS)).containsExactly(
            new Effect.ChallengeProgressed(THREE_VISITS, "2026-W10", BigDecimal.valueOf(2),
                BigDecimal.valueOf(3), 0, 0));

    // The third visit, on the third day in a row, completes the week and the streak.
    ana = run(ana, order("o-3", at(3, 4), drink("latte", "5.50")));
    assertThat(last().effects(Effect.ChallengeCompleted.class)).containsExactly(
        new Effect.ChallengeCompleted(THREE_VISITS, "2026-W10", 1),
        new Effect.ChallengeCompleted(STREAK, "2026-03-04", 1));
    assertThat(bonus(last(), THREE_VISITS)).isEqualTo(50);
    assertThat(last().effects(Effect.PointsEarned.class)).anySatisfy(e -> assertThat(e.rule())
        .contains(StarbucksChallenges.bonusRule(THREE_VISITS, "2026-W10")));
    assertThat(ana.available(STARS)).isEqualTo(19 + 11 + 50 + 100);

    // A fourth visit that week earns its base stars only: once a week.
    ana = run(ana, order("o-4", at(3, 5), drink("latte", "5.50")));
    assertThat(bonus(last(), THREE_VISITS)).isZero();
    assertThat(ana.available(STARS)).isEqualTo(180 + 11);
    ChallengeProgress done = progress(ana, THREE_VISITS, at(3, 5, 10));
    assertThat(done.progress()).isEqualByComparingTo("3");
    assertThat(done.completions()).isEqualTo(1);
    assertThat(done.open()).isFalse();

    // Monday 9 March: a new week, from zero.
    ChallengeProgress next = progress(ana, THREE_VISITS, at(3, 9, 8));
    assertThat(next.window()).isEqualTo("2026-W11");
    assertThat(next.progress()).isEqualByComparingTo("0");
    assertThat(next.open()).isTrue();
    ana = run(ana, order("o-5", at(3, 9), drink("latte", "5.00")),
        order("o-6", at(3, 11), drink("latte", "5.00")),
        order("o-7", at(3, 13), drink("latte", "5.00")));
    assertThat(bonus(last(), THREE_VISITS)).isEqualTo(50);
    assertThat(completedWindows(THREE_VISITS)).containsExactly("2026-W10", "2026-W11");
    assertThat(progress(ana, THREE_VISITS, at(3, 13, 10)).completionsEver()).isEqualTo(2);
    assertThat(ana.available(STARS)).isEqualTo(191 + 30 + 50);
  }

  @Test
  void threeDaysInARowEarnAHundredStarsAndEachNewStreakEarnsAgain() {
    Member ana = run(ana(), cookie("o-1", at(3, 2)), cookie("o-2", at(3, 3)));
    ChallengeProgress two = progress(ana, STREAK, at(3, 3, 10));
    assertThat(two.streak()).isEqualTo(2);
    assertThat(two.streakTarget()).isEqualTo(3);
    // No purchase on the 4th breaks it: on the morning of the 5th the streak is 0.
    assertThat(progress(ana, STREAK, at(3, 5, 8)).streak()).isZero();

    ana = run(ana, cookie("o-3", at(3, 5)), cookie("o-4", at(3, 6)));
    assertThat(completedWindows(STREAK)).isEmpty();
    ana = run(ana, cookie("o-5", at(3, 7)));
    assertThat(completedWindows(STREAK)).containsExactly("2026-03-07");
    assertThat(bonus(last(), STREAK)).isEqualTo(100);
    // Five cookies (20 stars), the week's three visits on the 5th (50) and the streak (100).
    assertThat(ana.available(STARS)).isEqualTo(20 + 50 + 100);

    // The days of one streak never count toward the next: the 8th alone is a streak of 1.
    ana = run(ana, cookie("o-6", at(3, 8)));
    assertThat(progress(ana, STREAK, at(3, 8, 10)).streak()).isEqualTo(1);
    ana = run(ana, cookie("o-7", at(3, 9)), cookie("o-8", at(3, 10)));
    assertThat(completedWindows(STREAK)).containsExactly("2026-03-07", "2026-03-10");
    assertThat(ana.available(STARS)).isEqualTo(170 + 12 + 100);
  }

  @Test
  void spendingTwentyFiveDollarsInAWeekEarnsSeventyFiveStarsAndAReturnTakesThemBack() {
    Purchase beansAndBrew = order("o-2", at(3, 4), line("l1", "pike-beans", "beans", "16.00"),
        line("l2", "cold-brew", "drinks", "4.50"));
    Member ana = run(ana(), order("o-1", at(3, 2), drink("latte", "5.00")), beansAndBrew);
    assertThat(completedWindows(SPEND_25)).containsExactly("2026-W10");
    assertThat(bonus(last(), SPEND_25)).isEqualTo(75);
    // $5.00 and $20.50: 10 + 41 stars, and 75 for $25.50 spent this week.
    assertThat(ana.available(STARS)).isEqualTo(10 + 41 + 75);

    // The beans come back the next day: $9.50 left this week, below $25.
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r-1"), at(3, 5), beansAndBrew,
        List.of(LineId.of("l1"))));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).containsExactly(
        new Effect.ChallengeCompletionRevoked(SPEND_25, "2026-W10"));
    assertThat(last().effects(Effect.PointsReversed.class)).extracting(
        Effect.PointsReversed::points).containsExactlyInAnyOrder(32L, 75L);
    assertThat(ana.available(STARS)).isEqualTo(126 - 32 - 75);
    ChallengeProgress spend = progress(ana, SPEND_25, at(3, 5, 10));
    assertThat(spend.progress()).isEqualByComparingTo("9.50");
    assertThat(spend.completions()).isZero();
    assertThat(spend.open()).isTrue();
    // The cold brew stays bought: still two visits this week.
    assertThat(progress(ana, THREE_VISITS, at(3, 5, 10)).progress()).isEqualByComparingTo("2");

    // $15.50 more completes the week's spend again, and is the third visit.
    ana = run(ana, order("o-3", at(3, 6), line("l1", "tumbler", "merchandise", "15.50")));
    assertThat(completedWindows(SPEND_25)).containsExactly("2026-W10", "2026-W10");
    assertThat(bonus(last(), SPEND_25)).isEqualTo(75);
    assertThat(bonus(last(), THREE_VISITS)).isEqualTo(50);
    assertThat(ana.available(STARS)).isEqualTo(19 + 31 + 75 + 50);
  }

  @Test
  void threeDifferentDrinksInAMonthEarnSixtyStarsAndAReturnedDrinkNoLongerCounts() {
    Purchase matcha = order("o-3", at(3, 6), drink("matcha", "5.50"));
    Member ana = run(ana(), order("o-1", at(3, 2), drink("latte", "5.00")),
        order("o-2", at(3, 4), drink("latte", "5.00")), matcha);
    // The same latte twice is one drink; the matcha makes two. It is also the third visit.
    assertThat(progress(ana, THREE_DRINKS, at(3, 6, 10)).progress()).isEqualByComparingTo("2");
    assertThat(bonus(last(), THREE_VISITS)).isEqualTo(50);
    assertThat(ana.available(STARS)).isEqualTo(10 + 10 + 11 + 50);

    // Returning the matcha takes away the drink, the visit, and with it the week's 50 stars.
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r-1"), at(3, 7), matcha,
        List.of(LineId.of("l1"))));
    assertThat(progress(ana, THREE_DRINKS, at(3, 7, 10)).progress()).isEqualByComparingTo("1");
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).containsExactly(
        new Effect.ChallengeCompletionRevoked(THREE_VISITS, "2026-W10"));
    assertThat(ana.available(STARS)).isEqualTo(81 - 11 - 50);

    ana = run(ana, order("o-4", at(3, 9), drink("matcha", "5.00")),
        order("o-5", at(3, 11), drink("cold-brew", "4.50")));
    assertThat(completedWindows(THREE_DRINKS)).containsExactly("2026-03");
    assertThat(bonus(last(), THREE_DRINKS)).isEqualTo(60);
    assertThat(last().effects(Effect.PointsEarned.class)).anySatisfy(e -> assertThat(e.rule())
        .contains(StarbucksChallenges.bonusRule(THREE_DRINKS, "2026-03")));
    assertThat(ana.available(STARS)).isEqualTo(20 + 10 + 9 + 60);
    assertThat(progress(ana, THREE_DRINKS, at(3, 11, 10)).open()).isFalse();
    // April is a new month.
    ChallengeProgress april = progress(ana, THREE_DRINKS, at(4, 1));
    assertThat(april.window()).isEqualTo("2026-04");
    assertThat(april.progress()).isEqualByComparingTo("0");
    assertThat(april.open()).isTrue();
  }

  @Test
  void theSpringStarDashCountsOnlyWhileItRunsAndPaysOnce() {
    Member ana = run(ana(), cookie("o-0", at(3, 13)));
    ChallengeProgress before = progress(ana, STAR_DASH, at(3, 16, 8));
    assertThat(before.window()).isEqualTo("campaign");
    assertThat(before.progress()).as("a visit before the campaign does not count").isZero();
    assertThat(before.windowEnds()).contains(at(3, 30, 0));
    assertThat(before.open()).isTrue();

    ana = run(ana, cookie("o-1", at(3, 16)), cookie("o-2", at(3, 18)),
        cookie("o-3", at(3, 20)), cookie("o-4", at(3, 23)));
    assertThat(progress(ana, STAR_DASH, at(3, 23, 10)).progress()).isEqualByComparingTo("4");
    ana = run(ana, cookie("o-5", at(3, 25)));
    assertThat(completedWindows(STAR_DASH)).containsExactly("campaign");
    assertThat(bonus(last(), STAR_DASH)).isEqualTo(150);
    ana = run(ana, cookie("o-6", at(3, 27)), cookie("o-7", at(3, 31)));
    assertThat(completedWindows(STAR_DASH)).hasSize(1);
    assertThat(progress(ana, STAR_DASH, at(3, 31, 10)).open()).isFalse();
    // Eight cookies (32 stars), the Star Dash (150), three visits in W12 on the 20th and in W13
    // on the 27th (50 each); the visits never fall on three days in a row.
    assertThat(completedWindows(THREE_VISITS)).containsExactly("2026-W12", "2026-W13");
    assertThat(ana.available(STARS)).isEqualTo(32 + 150 + 50 + 50);
  }
}
