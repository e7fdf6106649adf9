package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.junit.jupiter.api.Test;

/**
 * Stamp cards, bundles, windowed challenges, streaks and badges, with their numbers worked out by
 * hand: what completes when, what a return takes back, and what the host is told.
 */
class ChallengesTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("EUR"));
  private static final UnitId STARS = UnitId.of("stars");

  private static final String YAML = """
      format: loyalty-program/1
      id: cafe
      currency: EUR
      zone: Europe/Berlin
      units:
        - {id: stars, name: Stars}
      earnRules:
        - {id: base, kind: rate, unit: stars, points: 1, per: 1}
      rewards:
        - {id: free-drink, name: Free drink, unit: stars, cost: 200, kind: free-item}
      challenges:
        - {id: coffee-card, name: Coffee card, goal: purchases, target: 10, categories: [coffee],
           grant: {voucher: 3.50}, restarts: true}
        - {id: modules, name: Fourth module free, goal: items, target: 3, categories: [module],
           grant: {reward: free-drink}, restarts: true}
        - {id: weekly-check-ins, name: Three check-ins a week, goal: events, event: check-in,
           attributes: {participating: "yes"}, target: 3, window: week,
           grant: {points: 50, unit: stars}}
        - {id: spend-25, name: Spend 25 this week, goal: amount, target: 25, window: week,
           grant: {points: 75, unit: stars}}
        - {id: three-pastries, name: Three different pastries, goal: distinct-items, target: 3,
           categories: [pastry], window: month, grant: {points: 40, unit: stars}}
        - {id: daily-streak, name: Three days in a row, goal: purchases, target: 1, window: day,
           streak: 3, grant: {points: 100, unit: stars}, restarts: true}
        - id: spring
          name: Spring campaign
          goal: purchases
          target: 2
          window: campaign
          runs: {from: 2026-03-20T00:00, until: 2026-04-01T00:00}
      badges:
        - id: spring-badge
          name: Spring
          metric: challenges
          challenge: spring
          levels: [{name: Spring, threshold: 1}]
        - id: regular
          name: Regular
          metric: events
          event: check-in
          levels: [{name: Regular, threshold: 2}, {name: Local, threshold: 4}]
        - id: weekly-hero
          name: Weekly hero
          metric: challenges
          challenge: weekly-check-ins
          levels: [{name: Hero, threshold: 1}]
          validity: P7D
        - id: loyal
          name: Loyal
          metric: purchases
          levels: [{name: Loyal, threshold: 3}]
      """;

  private static final CompiledProgram CAFE = LoyaltyRules.compile(
      ProgramFiles.read(YAML, ProgramFiles.Syntax.YAML).program());

  private int sequence;
  private final List<Decision> decisions = new ArrayList<>();

  private static Instant at(int month, int day) {
    return at(month, day, 9);
  }

  private static Instant at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0).atZone(ZONE).toInstant();
  }

  private Purchase buy(Instant when, String category, int quantity, String price) {
    return buy(when, category, "sku-" + category, quantity, price);
  }

  private Purchase buy(Instant when, String category, String sku, int quantity, String price) {
    return Purchase.builder(ActivityId.of("p" + ++sequence), when)
        .line(PurchaseLine.of("l1", sku, category, quantity, Money.of(price, "EUR"))).build();
  }

  private EngagementEvent checkIn(Instant when, boolean participating) {
    EngagementEvent e = EngagementEvent.of(ActivityId.of("e" + ++sequence), when,
        EngagementType.CHECK_IN);
    return participating ? e.withAttribute("participating", "yes") : e;
  }

  private Member run(Member member, Activity... activities) {
    for (Activity a : activities) {
      Decision d = CAFE.decide(STATE, member, a, a.occurredAt(), RANDOM);
      assertThat(d.isRefused()).as("%s refused: %s", a.id(), d.errors()).isFalse();
      decisions.add(d);
      member = d.member();
    }
    return member;
  }

  private Decision last() {
    return decisions.get(decisions.size() - 1);
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(3, 2, 8));
  }

  private static ChallengeProgress progress(Member member, String challenge, Instant at) {
    return CAFE.challengeProgress(STATE, member, at).stream()
        .filter(p -> p.challenge().value().equals(challenge)).findFirst().orElseThrow();
  }

  private List<Effect.ChallengeCompleted> completed(String challenge) {
    return decisions.stream().flatMap(d -> d.effects(Effect.ChallengeCompleted.class).stream())
        .filter(c -> c.challenge().value().equals(challenge)).toList();
  }

  private static Purchase coffee(Instant when, int n) {
    return Purchase.builder(ActivityId.of("coffee-" + n), when)
        .line(PurchaseLine.of("l1", "latte", "coffee", 1, Money.of("3.50", "EUR"))).build();
  }

  @Test
  void everyWindowKeyReadsBackAsItsWindowAndNothingElseDoes() {
    for (org.loyaltyrules.core.program.ChallengeWindow kind : List.of(
        org.loyaltyrules.core.program.ChallengeWindow.DAY,
        org.loyaltyrules.core.program.ChallengeWindow.WEEK,
        org.loyaltyrules.core.program.ChallengeWindow.MONTH)) {
      for (java.time.LocalDate day = java.time.LocalDate.of(1995, 12, 20);
          day.isBefore(java.time.LocalDate.of(2041, 1, 10)); day = day.plusDays(1)) {
        Challenges.Window w = Challenges.Window.of(kind, day);
        assertThat(Challenges.Window.tryParse(kind, w.key())).as("%s %s", kind, day)
            .contains(w);
        assertThat(Challenges.Window.parse(kind, w.key())).isEqualTo(w);
      }
    }
    for (String key : List.of("2026-02-30", "2026-13-01", "2026-W00", "2025-W53", "2026-00",
        "2026-13", "2026-1-01", "2026-W5")) {
      for (org.loyaltyrules.core.program.ChallengeWindow kind : List.of(
          org.loyaltyrules.core.program.ChallengeWindow.DAY,
          org.loyaltyrules.core.program.ChallengeWindow.WEEK,
          org.loyaltyrules.core.program.ChallengeWindow.MONTH)) {
        assertThat(Challenges.Window.tryParse(kind, key)).as("%s %s", kind, key).isEmpty();
      }
    }
    assertThat(Challenges.Window.tryParse(org.loyaltyrules.core.program.ChallengeWindow.WEEK,
        "2025-W53")).as("2025 has 52 ISO weeks").isEmpty();
    assertThat(Challenges.Window.tryParse(org.loyaltyrules.core.program.ChallengeWindow.WEEK,
        "2026-W53")).as("2026 begins on a Thursday: 53 ISO weeks").isPresent();
  }

  @Test
  void theTenthCoffeeCompletesTheCardWhichStartsAgain() {
    Member ana = ana();
    for (int i = 1; i <= 9; i++) {
      ana = run(ana, coffee(at(3, 2 + i), i));
    }
    assertThat(last().effects(Effect.ChallengeProgressed.class)).filteredOn(
            p -> p.challenge().value().equals("coffee-card"))
        .containsExactly(new Effect.ChallengeProgressed(ChallengeId.of("coffee-card"), "all",
            BigDecimal.valueOf(9), BigDecimal.TEN, 0, 0));
    assertThat(completed("coffee-card")).isEmpty();

    ana = run(ana, coffee(at(3, 12), 10));
    assertThat(completed("coffee-card")).containsExactly(
        new Effect.ChallengeCompleted(ChallengeId.of("coffee-card"), "all", 1));
    List<Effect.VoucherIssued> issued = last().effects(Effect.VoucherIssued.class);
    assertThat(issued).hasSize(1);
    assertThat(issued.get(0).voucher().value()).isEqualTo(Money.of("3.50", "EUR"));
    assertThat(issued.get(0).voucher().id().value())
        .isEqualTo("coffee-10/challenge:coffee-card@all/1");
    ChallengeProgress card = progress(ana, "coffee-card", at(3, 12, 10));
    assertThat(card.progress()).isEqualByComparingTo("0");
    assertThat(card.completions()).isEqualTo(1);
    assertThat(card.open()).isTrue();

    ana = run(ana, coffee(at(3, 13), 11));
    assertThat(progress(ana, "coffee-card", at(3, 13, 10)).progress()).isEqualByComparingTo("1");
    // A purchase without coffee adds no stamp.
    ana = run(ana, buy(at(3, 14), "pastry", 1, "2.00"));
    assertThat(progress(ana, "coffee-card", at(3, 14, 10)).progress()).isEqualByComparingTo("1");
  }

  @Test
  void returningTheTenthCoffeeRevokesTheUnusedVoucherAndTheStamp() {
    Member ana = ana();
    List<Purchase> coffees = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      coffees.add(coffee(at(3, 2 + i), i));
      ana = run(ana, coffees.get(i - 1));
    }
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r1"), at(3, 13), coffees.get(9),
        List.of(org.loyaltyrules.core.LineId.of("l1"))));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).containsExactly(
        new Effect.ChallengeCompletionRevoked(ChallengeId.of("coffee-card"), "all"));
    assertThat(last().effects(Effect.VoucherRevoked.class)).hasSize(1);
    assertThat(ana.vouchers().values()).extracting(Voucher::status)
        .containsExactly(VoucherStatus.REVOKED);
    ChallengeProgress card = progress(ana, "coffee-card", at(3, 13, 10));
    assertThat(card.progress()).isEqualByComparingTo("9");
    assertThat(card.completions()).isZero();

    // The next coffee completes the card again, with a new voucher.
    ana = run(ana, coffee(at(3, 14), 11));
    assertThat(last().effects(Effect.VoucherIssued.class)).hasSize(1);
    assertThat(progress(ana, "coffee-card", at(3, 14, 10)).completionsEver()).isEqualTo(1);
  }

  @Test
  void aUsedVoucherStandsAndTheReturnedStampIsOwedByTheNextCard() {
    Member ana = ana();
    List<Purchase> coffees = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      coffees.add(coffee(at(3, 2 + i), i));
      ana = run(ana, coffees.get(i - 1));
    }
    Voucher voucher = ana.vouchers().values().iterator().next();
    ana = ana.withVoucher(voucher.withStatus(VoucherStatus.APPLIED));
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r1"), at(3, 13), coffees.get(9),
        List.of(org.loyaltyrules.core.LineId.of("l1"))));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).isEmpty();
    assertThat(last().trace()).anySatisfy(t -> assertThat(t.note())
        .contains("its voucher was already applied; the completion stands and the progress is owed"));
    assertThat(progress(ana, "coffee-card", at(3, 13, 10)).progress()).isEqualByComparingTo("0");
    // The next coffee pays the owed stamp; the one after starts the new card.
    ana = run(ana, coffee(at(3, 14), 11));
    assertThat(progress(ana, "coffee-card", at(3, 14, 10)).progress()).isEqualByComparingTo("0");
    ana = run(ana, coffee(at(3, 15), 12));
    assertThat(progress(ana, "coffee-card", at(3, 15, 10)).progress()).isEqualByComparingTo("1");
    assertThat(progress(ana, "coffee-card", at(3, 15, 10)).completions()).isEqualTo(1);
  }

  @Test
  void sixModulesInOneOrderGiveTwoFreeOnesAndAReturnOfOneKeepsTheRewardsHandedOut() {
    Member ana = ana();
    Purchase six = buy(at(3, 3), "module", 6, "30.00");
    ana = run(ana, six);
    assertThat(completed("modules")).extracting(Effect.ChallengeCompleted::completion)
        .containsExactly(1L, 2L);
    assertThat(last().effects(Effect.RewardRedeemed.class)).containsExactly(
        new Effect.RewardRedeemed(RewardId.of("free-drink"), 1, STARS, 0),
        new Effect.RewardRedeemed(RewardId.of("free-drink"), 1, STARS, 0));
    ana = run(ana, Return.of(ActivityId.of("r1"), at(3, 4), six.id(),
        List.of(ReturnLine.of("l1", 1))));
    // A reward handed out cannot be taken back: the completion stands and one module is owed.
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).isEmpty();
    ChallengeProgress modules = progress(ana, "modules", at(3, 4, 10));
    assertThat(modules.progress()).isEqualByComparingTo("0");
    assertThat(modules.completions()).isEqualTo(2);
    ana = run(ana, buy(at(3, 5), "module", 3, "30.00"));
    assertThat(progress(ana, "modules", at(3, 5, 10)).progress()).isEqualByComparingTo("2");
  }

  @Test
  void aWeeklyCheckInChallengeCompletesOnceAWeekAndReportsItsProgress() {
    Member ana = ana();
    // Monday 2026-03-02 is in week 10.
    ana = run(ana, checkIn(at(3, 2), true), checkIn(at(3, 3), false), checkIn(at(3, 4), true));
    ChallengeProgress week = progress(ana, "weekly-check-ins", at(3, 4, 10));
    assertThat(week.window()).isEqualTo("2026-W10");
    assertThat(week.progress()).isEqualByComparingTo("2");
    assertThat(week.target()).isEqualByComparingTo("3");
    assertThat(week.windowEnds()).contains(at(3, 9, 0));
    assertThat(week.open()).isTrue();

    ana = run(ana, checkIn(at(3, 5), true));
    assertThat(completed("weekly-check-ins")).containsExactly(
        new Effect.ChallengeCompleted(ChallengeId.of("weekly-check-ins"), "2026-W10", 1));
    assertThat(last().effects(Effect.PointsEarned.class)).extracting(Effect.PointsEarned::points)
        .containsExactly(50L);
    assertThat(progress(ana, "weekly-check-ins", at(3, 5, 10)).open()).isFalse();

    ana = run(ana, checkIn(at(3, 6), true), checkIn(at(3, 8), true));
    assertThat(completed("weekly-check-ins")).hasSize(1);
    // Monday 9 March starts week 11 from zero.
    ChallengeProgress next = progress(ana, "weekly-check-ins", at(3, 9, 10));
    assertThat(next.window()).isEqualTo("2026-W11");
    assertThat(next.progress()).isEqualByComparingTo("0");
    ana = run(ana, checkIn(at(3, 9), true), checkIn(at(3, 10), true), checkIn(at(3, 11), true));
    assertThat(completed("weekly-check-ins")).extracting(Effect.ChallengeCompleted::window)
        .containsExactly("2026-W10", "2026-W11");
  }

  @Test
  void amountChallengeCompletesAndAReturnUndoesItWithItsPoints() {
    Member ana = ana();
    ana = run(ana, buy(at(3, 2), "goods", 1, "10.00"));
    Purchase second = buy(at(3, 3), "goods", 2, "8.00");
    ana = run(ana, second);
    assertThat(completed("spend-25")).containsExactly(
        new Effect.ChallengeCompleted(ChallengeId.of("spend-25"), "2026-W10", 1));
    // 26 stars earned on 26.00, plus 75 for the challenge.
    assertThat(ana.available(STARS)).isEqualTo(26 + 75);

    ana = run(ana, Return.of(ActivityId.of("r1"), at(3, 4), second.id(),
        List.of(ReturnLine.of("l1", 1))));
    // 18.00 left: below 25, so the completion and its 75 stars go, with the 8 stars of the line.
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).hasSize(1);
    assertThat(ana.available(STARS)).isEqualTo(18);
    assertThat(progress(ana, "spend-25", at(3, 4, 10)).progress()).isEqualByComparingTo("18.00");
    assertThat(progress(ana, "spend-25", at(3, 4, 10)).open()).isTrue();
    ana = run(ana, buy(at(3, 5), "goods", 1, "7.00"));
    assertThat(completed("spend-25")).hasSize(2);
    assertThat(ana.available(STARS)).isEqualTo(25 + 75);
  }

  @Test
  void distinctItemsCountEachSkuOnceAndAReturnOfTheOnlyOneRemovesIt() {
    Member ana = ana();
    ana = run(ana, buy(at(3, 2), "pastry", "croissant", 2, "2.00"),
        buy(at(3, 3), "pastry", "croissant", 1, "2.00"));
    Purchase muffin = buy(at(3, 4), "pastry", "muffin", 1, "2.50");
    ana = run(ana, muffin);
    assertThat(progress(ana, "three-pastries", at(3, 4, 10)).progress())
        .isEqualByComparingTo("2");
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r1"), at(3, 5), muffin,
        List.of(org.loyaltyrules.core.LineId.of("l1"))));
    assertThat(progress(ana, "three-pastries", at(3, 5, 10)).progress())
        .isEqualByComparingTo("1");
    ana = run(ana, buy(at(3, 6), "pastry", "muffin", 1, "2.50"),
        buy(at(3, 7), "pastry", "danish", 1, "2.50"));
    assertThat(completed("three-pastries")).containsExactly(
        new Effect.ChallengeCompleted(ChallengeId.of("three-pastries"), "2026-03", 1));
  }

  @Test
  void threeDaysInARowCompleteTheStreakAndAGapStartsItAgain() {
    Member ana = ana();
    ana = run(ana, buy(at(3, 2), "goods", 1, "1.00"), buy(at(3, 3), "goods", 1, "1.00"));
    assertThat(progress(ana, "daily-streak", at(3, 3, 10)).streak()).isEqualTo(2);
    // No purchase on the 4th: on the 5th the streak so far is 0, then 1.
    assertThat(progress(ana, "daily-streak", at(3, 5, 8)).streak()).isZero();
    ana = run(ana, buy(at(3, 5), "goods", 1, "1.00"), buy(at(3, 6), "goods", 1, "1.00"));
    assertThat(completed("daily-streak")).isEmpty();
    ana = run(ana, buy(at(3, 7), "goods", 1, "1.00"));
    assertThat(completed("daily-streak")).containsExactly(
        new Effect.ChallengeCompleted(ChallengeId.of("daily-streak"), "2026-03-07", 1));
    assertThat(last().effects(Effect.PointsEarned.class)).extracting(Effect.PointsEarned::points)
        .containsExactly(1L, 100L);
    // After a completion the next streak starts from zero: the 8th alone is a streak of 1.
    ana = run(ana, buy(at(3, 8), "goods", 1, "1.00"));
    assertThat(progress(ana, "daily-streak", at(3, 8, 10)).streak()).isEqualTo(1);
    // A second purchase on one day does not lengthen the streak.
    ana = run(ana, buy(at(3, 8, 12), "goods", 1, "1.00"));
    assertThat(progress(ana, "daily-streak", at(3, 8, 13)).streak()).isEqualTo(1);
  }

  @Test
  void returningADayOfACompletedStreakTakesTheStreakBonusBack() {
    Member ana = ana();
    Purchase middle = buy(at(3, 3), "goods", 1, "1.00");
    ana = run(ana, buy(at(3, 2), "goods", 1, "1.00"), middle, buy(at(3, 4), "goods", 1, "1.00"));
    assertThat(ana.available(STARS)).isEqualTo(3 + 100);
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r1"), at(3, 5), middle,
        List.of(org.loyaltyrules.core.LineId.of("l1"))));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).containsExactly(
        new Effect.ChallengeCompletionRevoked(ChallengeId.of("daily-streak"), "2026-03-04"));
    assertThat(ana.available(STARS)).isEqualTo(2);
    // The 4th still counts: buying on the 5th and 6th makes 4, 5, 6 a streak.
    ana = run(ana, buy(at(3, 5, 10), "goods", 1, "1.00"), buy(at(3, 6), "goods", 1, "1.00"));
    assertThat(completed("daily-streak")).extracting(Effect.ChallengeCompleted::window)
        .containsExactly("2026-03-04", "2026-03-06");
  }

  @Test
  void aCampaignCountsOnlyWhileItRunsAndItsBadgeIsEarnedOnce() {
    Member ana = ana();
    ana = run(ana, buy(at(3, 19), "goods", 1, "1.00"), buy(at(3, 20), "goods", 1, "1.00"));
    ChallengeProgress spring = progress(ana, "spring", at(3, 20, 10));
    assertThat(spring.window()).isEqualTo("campaign");
    assertThat(spring.progress()).isEqualByComparingTo("1");
    assertThat(spring.windowEnds()).contains(at(4, 1, 0));
    ana = run(ana, buy(at(3, 21), "goods", 1, "1.00"));
    assertThat(completed("spring")).hasSize(1);
    assertThat(last().effects(Effect.BadgeEarned.class)).contains(
        new Effect.BadgeEarned(BadgeId.of("spring-badge"), 1, "Spring", Optional.empty()));
    ana = run(ana, buy(at(3, 22), "goods", 1, "1.00"), buy(at(3, 23), "goods", 1, "1.00"));
    assertThat(completed("spring")).hasSize(1);
    assertThat(progress(ana, "spring", at(4, 2)).open()).isFalse();
  }

  @Test
  void badgesRiseWithTheirCountLapseWithTimeAndFallWithReturns() {
    Member ana = ana();
    ana = run(ana, checkIn(at(3, 2), false), checkIn(at(3, 3), false));
    assertThat(last().effects(Effect.BadgeEarned.class)).containsExactly(
        new Effect.BadgeEarned(BadgeId.of("regular"), 1, "Regular", Optional.empty()));
    ana = run(ana, checkIn(at(3, 4), true), checkIn(at(3, 5), true), checkIn(at(3, 6), true));
    // The fourth check-in makes a Local; the fifth completes the weekly challenge: Weekly hero
    // for seven days.
    assertThat(CAFE.badges(STATE, ana, at(3, 6, 10))).containsExactly(
        new BadgeStatus(BadgeId.of("regular"), 2, "Local", Optional.empty()),
        new BadgeStatus(BadgeId.of("weekly-hero"), 1, "Hero", Optional.of(at(3, 13))));
    Decision later = CAFE.advance(STATE, ana, at(3, 13, 10));
    assertThat(later.effects(Effect.BadgeLost.class)).containsExactly(
        new Effect.BadgeLost(BadgeId.of("weekly-hero"), 1, 0, true));
    assertThat(CAFE.badges(STATE, later.member(), at(3, 13, 10))).extracting(BadgeStatus::badge)
        .containsExactly(BadgeId.of("regular"));

    Purchase third = buy(at(3, 14), "goods", 1, "1.00");
    ana = run(later.member(), buy(at(3, 13, 11), "goods", 1, "1.00"),
        buy(at(3, 13, 12), "goods", 1, "1.00"), third);
    assertThat(last().effects(Effect.BadgeEarned.class)).contains(
        new Effect.BadgeEarned(BadgeId.of("loyal"), 1, "Loyal", Optional.empty()));
    ana = run(ana, Return.ofWholeLines(ActivityId.of("r1"), at(3, 15), third,
        List.of(org.loyaltyrules.core.LineId.of("l1"))));
    assertThat(last().effects(Effect.BadgeLost.class)).containsExactly(
        new Effect.BadgeLost(BadgeId.of("loyal"), 1, 0, false));
  }

  @Test
  void aReplayedActivityCountsNothingTwice() {
    Member ana = ana();
    EngagementEvent event = checkIn(at(3, 2), true);
    ana = run(ana, event);
    Decision replay = CAFE.decide(STATE, ana, event, at(3, 2, 10), RANDOM);
    assertThat(replay.replay()).isTrue();
    assertThat(replay.effects(Effect.ChallengeProgressed.class)).isEmpty();
    assertThat(progress(replay.member(), "weekly-check-ins", at(3, 2, 10)).progress())
        .isEqualByComparingTo("1");
  }

  @Test
  void oldWindowsAreForgottenOnceNoActivityOrStreakCanReachThem() {
    Member ana = ana();
    ana = run(ana, checkIn(at(3, 2), true), buy(at(3, 2), "goods", 1, "1.00"));
    assertThat(ana.progress().keySet()).anyMatch(k -> k.startsWith("challenge/weekly-check-ins/"
        + "2026-W10/"));
    // Within the 400-day activity horizon a late activity may still reach March 2026.
    assertThat(CAFE.advance(STATE, ana, at(9, 1)).member().progress())
        .containsKey("challenge/weekly-check-ins/2026-W10/count");
    Member later = CAFE.advance(STATE, ana,
        LocalDateTime.of(2027, 5, 1, 9, 0).atZone(ZONE).toInstant()).member();
    assertThat(later.progress().keySet()).noneMatch(k -> k.contains("2026-W10")
        || k.contains("2026-03-02"));
    assertThat(later.progress()).containsKeys("tally/purchases", "tally/event/CHECK_IN");
  }

  @Test
  void aChallengeThatGivesNothingOrABadgeOfAnUnknownChallengeIsReported() {
    String broken = YAML.replace("challenge: spring\n", "challenge: autumn\n");
    List<Problem> problems = ProgramFiles.read(broken, ProgramFiles.Syntax.YAML).problems();
    assertThat(problems).extracting(Problem::toString).containsExactly(
        "badges[0].challenge: unknown challenge 'autumn'; the program has [coffee-card, modules,"
            + " weekly-check-ins, spend-25, three-pastries, daily-streak, spring]",
        "challenges[6].grant: challenge 'spring' gives nothing: give it a grant, or a badge "
            + "that counts its completions");
  }

  @Test
  void aScenarioFileChecksProgressBadgesAndWhatAChallengeGranted() {
    String program = YAML.replace("earnRules:\n",
        "earnRules:\n  - {id: lesson, kind: event-bonus, unit: stars, points: 10, event: custom,"
            + " attributes: {name: lesson}}\n");
    String scenario = """
        format: loyalty-scenario/1
        program: cafe.program.yaml
        member: {id: ana, enrolled: 2026-03-02T08:00}
        steps:
          - at: 2026-03-02T09:00
            event: {id: e-1, type: check-in, attributes: {participating: "yes"}}
            expect: {challenges: {weekly-check-ins: 1}, badges: {regular: none}}
          - at: 2026-03-03T09:00
            event: {id: e-2, type: check-in, attributes: {participating: "yes"}}
            expect: {challenges: {weekly-check-ins: 2}, badges: {regular: Regular}}
          - at: 2026-03-04T09:00
            event: {id: e-3, type: check-in, attributes: {participating: "yes"}}
            expect:
              challenges: {weekly-check-ins: 3}
              granted: {"challenge:weekly-check-ins": 50}
              notes: {"challenge:weekly-check-ins": completed in window 2026-W10}
              badges: {weekly-hero: Hero}
              effects: {challenge-completed: 1}
          - at: 2026-03-05T09:00
            event: {id: e-4, type: custom, attributes: {name: lesson}}
            expect: {available: {stars: 60}, granted: {lesson: 10}}
          - at: 2026-03-09T09:00
            advance: true
            expect: {challenges: {weekly-check-ins: 0, coffee-card: 0}}
        """;
    org.loyaltyrules.rules.config.ScenarioResult result =
        org.loyaltyrules.rules.config.Scenarios.run(scenario,
            Map.of("cafe.program.yaml", program)::get);
    assertThat(result.problems()).isEmpty();
    assertThat(result.failures()).isEmpty();
    String wrong = scenario.replace("badges: {regular: Regular}", "badges: {regular: Local}")
        .replace("challenges: {weekly-check-ins: 1}", "challenges: {weekly-check-ins: 2, "
            + "autumn: 1}");
    assertThat(org.loyaltyrules.rules.config.Scenarios.run(wrong,
            Map.of("cafe.program.yaml", program)::get).failures())
        .extracting(Object::toString).containsExactly(
            "step 1, steps[0].expect.challenges.weekly-check-ins: expected progress 2 in window "
                + "2026-W10, was 1 of 3",
            "step 1, steps[0].expect.challenges.autumn: unknown challenge 'autumn'; the program's "
                + "challenges are [coffee-card, modules, weekly-check-ins, spend-25, "
                + "three-pastries, daily-streak, spring]",
            "step 2, steps[1].expect.badges.regular: expected badge level Local, was Regular");
  }

  private static final CompiledProgram STREAKS = LoyaltyRules.compile(ProgramFiles.read("""
      format: loyalty-program/1
      id: cafe
      currency: EUR
      zone: Europe/Berlin
      units:
        - {id: stars, name: Stars}
      challenges:
        - {id: bundle, name: Bundle, goal: items, target: 3, categories: [module],
           grant: {points: 100, unit: stars}, restarts: true}
        - {id: streak, name: Three days in a row, goal: purchases, target: 1, window: day,
           streak: 3, categories: [coffee], grant: {points: 1000, unit: stars}, restarts: true}
      """, ProgramFiles.Syntax.YAML).program());

  private Member streaks(Member member, Activity... activities) {
    for (Activity a : activities) {
      Decision d = STREAKS.decide(STATE, member, a, a instanceof Return ? a.occurredAt()
          : a.occurredAt().plusSeconds(60), RANDOM);
      assertThat(d.isRefused()).as("%s refused: %s", a.id(), d.errors()).isFalse();
      decisions.add(d);
      member = d.member();
    }
    return member;
  }

  private Purchase coffeeOn(int day) {
    return buy(at(3, day), "coffee", 1, "1.00");
  }

  private Return returnOf(Purchase p, int day) {
    return Return.ofWholeLines(ActivityId.of("r" + ++sequence), at(3, day, 12), p,
        List.of(org.loyaltyrules.core.LineId.of("l1")));
  }

  @Test
  void aReturnThatUndoesTwoCompletionsTakesBackBothGrants() {
    Purchase six = buy(at(3, 2), "module", 6, "10.00");
    Member ana = streaks(ana(), six);
    assertThat(ana.available(STARS)).isEqualTo(200);
    ana = streaks(ana, returnOf(six, 3));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).hasSize(2);
    assertThat(ana.available(STARS)).isZero();
  }

  @Test
  void returningADayOfAnEarlierStreakReadsTheStreaksAgain() {
    Member ana = ana();
    List<Purchase> days = new ArrayList<>();
    for (int day = 2; day <= 7; day++) {
      days.add(coffeeOn(day));
      ana = streaks(ana, days.get(days.size() - 1));
    }
    assertThat(completed("streak")).extracting(Effect.ChallengeCompleted::window)
        .containsExactly("2026-03-04", "2026-03-07");
    assertThat(ana.available(STARS)).isEqualTo(2000);
    // Without the 3rd, the 4th to the 6th are the only three days in a row.
    ana = streaks(ana, returnOf(days.get(1), 8));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class))
        .extracting(Effect.ChallengeCompletionRevoked::window)
        .containsExactly("2026-03-04", "2026-03-07");
    assertThat(last().effects(Effect.ChallengeCompleted.class))
        .extracting(Effect.ChallengeCompleted::window).containsExactly("2026-03-06");
    assertThat(ana.available(STARS)).isEqualTo(1000);
  }

  @Test
  void returningTheFirstOfFourDaysKeepsAStreakOfTheOtherThree() {
    Member ana = ana();
    List<Purchase> days = new ArrayList<>();
    for (int day = 3; day <= 6; day++) {
      days.add(coffeeOn(day));
      ana = streaks(ana, days.get(days.size() - 1));
    }
    assertThat(ana.available(STARS)).isEqualTo(1000);
    ana = streaks(ana, returnOf(days.get(0), 7));
    assertThat(ana.available(STARS)).isEqualTo(1000);
    assertThat(last().effects(Effect.ChallengeCompleted.class))
        .extracting(Effect.ChallengeCompleted::window).containsExactly("2026-03-06");
  }

  @Test
  void aPurchaseReportedLateDoesNotCountDaysAStreakAlreadyUsed() {
    Member ana = ana();
    for (int day : new int[] {3, 5, 6, 7}) {
      ana = streaks(ana, coffeeOn(day));
    }
    assertThat(ana.available(STARS)).isEqualTo(1000);
    // The 4th, reported on the 8th: the 3rd to the 5th are three in a row, and the 6th and 7th
    // no longer are; one streak, not two.
    Purchase late = coffeeOn(4);
    Decision d = STREAKS.decide(STATE, ana, late, at(3, 8), RANDOM);
    assertThat(d.member().available(STARS)).isEqualTo(1000);
    assertThat(d.effects(Effect.ChallengeCompleted.class))
        .extracting(Effect.ChallengeCompleted::window).containsExactly("2026-03-05");
    assertThat(d.effects(Effect.ChallengeCompletionRevoked.class))
        .extracting(Effect.ChallengeCompletionRevoked::window).containsExactly("2026-03-07");
  }
}
