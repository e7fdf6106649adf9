package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;

/** A new version of a program is checked for what it orphans of state stored under the old. */
class ProgramCompatibilityTest {
  private static final UnitId STARS = UnitId.of("stars");
  private static final UnitId MILES = UnitId.of("miles");
  private static final Instant AT = Instant.parse("2026-03-02T15:00:00Z");

  private static Program.Builder v1() {
    return Program.builder(ProgramId.of("coffee"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("stars", "Stars"))
        .unit(PointUnit.redeemable("miles", "Miles"))
        .earnRule(EarnRule.Rate.of("base", STARS, 2, Money.of("1", "USD")))
        .earnRule(EarnRule.Rate.of("miles", MILES, 1, Money.of("1", "USD")))
        .reward(Reward.of("drink", "Drink", STARS, 150, RewardKind.FREE_ITEM))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
            Tier.of("green", "Green", 0), Tier.of("gold", "Gold", 500))));
  }

  private static Program v2() {
    return Program.builder(ProgramId.of("coffee"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 2, Money.of("1", "USD")))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
            Tier.of("green", "Green", 0))))
        .build();
  }

  @Test
  void aNewVersionReportsWhatItRemoves() {
    assertThat(ProgramCompatibility.check(v1().build(), v2())).containsExactly(
        new Problem("units.miles", Problem.Severity.ERROR, "'miles' is removed; members' "
            + "balances and lots are held in it"),
        new Problem("tiers.gold", Problem.Severity.ERROR, "'gold' is removed; members who "
            + "hold it would have a tier the program does not know"),
        Problem.warning("rewards.drink", "'drink' is removed; members can no longer redeem "
            + "it (vouchers already issued for it keep their value)"),
        Problem.warning("earnRules.miles", "'miles' is removed; a return of a purchase it "
            + "earned on can no longer re-evaluate it (the points it earned stay)"));
    assertThat(ProgramCompatibility.check(v1().build(), v1().build())).isEmpty();
  }

  @Test
  void removedChallengesBadgesDrawsAndGamesAreWarnings() {
    String before = """
        format: loyalty-program/1
        id: cafe
        currency: USD
        zone: America/New_York
        units: [{id: stars, name: Stars}]
        challenges:
          - {id: card, name: Card, goal: purchases, target: 10, grant: {points: 50, unit: stars}}
        badges:
          - {id: regular, name: Regular, metric: purchases, levels: [{name: Regular, threshold: 5}]}
        draws:
          - {id: weekly, name: Weekly, earnedBy: [{minimumSpend: 5}],
             prizes: [{id: trip, name: Trip, quantity: 1}]}
        games:
          - {id: scratch, name: Scratch, earnedBy: [{minimumSpend: 5}],
             prizes: [{id: coffee, name: Coffee, odds: 0.5, stock: 10}]}
        """;
    String after = """
        format: loyalty-program/1
        id: cafe
        currency: USD
        zone: America/New_York
        units: [{id: stars, name: Stars}]
        """;
    assertThat(ProgramCompatibility.check(read(before), read(after)))
        .extracting(Problem::toString).containsExactly(
            "challenges.card (warning): 'card' is removed; members' progress toward it is kept "
                + "but counts for nothing, and a return can no longer take back what it granted",
            "badges.regular (warning): 'regular' is removed; members who hold it keep a level the "
                + "program no longer reports",
            "draws.weekly (warning): 'weekly' is removed; the entries the program-level state "
                + "holds for it can no longer be drawn",
            "games.scratch (warning): 'scratch' is removed; the prizes the program-level state "
                + "counts for it stay counted");
  }

  @Test
  void aChallengesChangedWindowOrFewerBadgeLevelsAreWarnedAboutAndStoredStateStillWorks() {
    String v1 = """
        format: loyalty-program/1
        id: cafe
        currency: USD
        zone: America/New_York
        units: [{id: stars, name: Stars}]
        challenges:
          - {id: weekly, name: Weekly, goal: events, event: check-in, target: 2, window: week,
             grant: {points: 50, unit: stars}}
        badges:
          - {id: regular, name: Regular, metric: events, event: check-in,
             levels: [{name: Regular, threshold: 1}, {name: Local, threshold: 2}]}
        """;
    String v2 = v1.replace("window: week", "window: day")
        .replace(", {name: Local, threshold: 2}", "");
    CompiledProgram before = LoyaltyRules.compile(read(v1));
    CompiledProgram after = LoyaltyRules.compile(read(v2));
    ProgramState state = ProgramState.initial(Money.currency("USD"));
    Member ana = Member.enroll(MemberId.of("ana"), AT);
    for (int i = 1; i <= 2; i++) {
      ana = before.decide(state, ana, org.loyaltyrules.core.activity.EngagementEvent.of(
              ActivityId.of("e-" + i), AT.plusSeconds(i * 60L),
              org.loyaltyrules.core.activity.EngagementType.CHECK_IN), AT.plusSeconds(i * 60L),
          java.util.random.RandomGenerator.of("L64X128MixRandom")).member();
    }
    assertThat(ana.available(STARS)).isEqualTo(50);
    assertThat(ProgramCompatibility.check(before.program(), ana)).isEmpty();
    assertThat(ProgramCompatibility.check(before.program(), after.program()))
        .extracting(Problem::toString).containsExactly(
            "challenges.weekly (warning): its window changes from WEEK to DAY; members' progress "
                + "counted before no longer counts and is dropped",
            "badges.regular (warning): it has 1 levels instead of 2; members who hold a level it "
                + "no longer has hold its highest");
    Instant later = AT.plusSeconds(3600);
    Member moved = after.advance(state, ana, later).member();
    assertThat(moved.progress().keySet()).noneMatch(k -> k.contains("-W"));
    assertThat(after.challengeProgress(state, moved, later).get(0).progress()).isZero();
    assertThat(after.badges(state, moved, later)).extracting(BadgeStatus::levelName)
        .containsExactly("Regular");
    assertThat(ProgramCompatibility.check(read(v1.replace(
        "challenges:\n  - {id: weekly", "challenges:\n  - {id: daily")
        .replace("challenge: weekly", "challenge: daily")), ana))
        .extracting(Problem::toString).containsExactly("ledger.lots[0].rule (warning): challenge "
            + "'weekly' is not in program cafe; a return can no longer take back what it granted");
  }

  private static Program read(String yaml) {
    return org.loyaltyrules.rules.config.ProgramFiles.read(yaml,
        org.loyaltyrules.rules.config.ProgramFiles.Syntax.YAML).program();
  }

  @Test
  void aMembersStateIsCheckedForWhatItStillHolds() {
    Member ana = Member.enroll(MemberId.of("ana"), AT);
    Purchase order = Purchase.builder(ActivityId.of("o-1"), AT)
        .line(PurchaseLine.of("l1", "latte", "drinks", 1, Money.of("10.00", "USD"))).build();
    Member after = LoyaltyRules.compile(v1().build()).decide(ProgramState.initial(
        Money.currency("USD")), ana, order, AT, new SplittableRandom(1)).member()
        .withTier(new TierStatus(TierId.of("gold"), AT, java.util.Optional.empty()));
    assertThat(ProgramCompatibility.check(v2(), after)).extracting(Problem::toString)
        .containsExactly(
            "ledger.lots[1].unit: unit 'miles' is not in program coffee; the lot's 10 points "
                + "would be orphaned",
            "ledger.lots[1].rule (warning): rule 'miles' is not in program coffee; a return "
                + "cannot re-evaluate it",
            "tier: tier 'gold' is not in program coffee");
  }

  @Test
  void budgetsWithSpendingNoRuleDeclaresAreWarnings() {
    ProgramState state = ProgramState.of(Money.currency("USD"), Map.of(BudgetId.of("spring"),
        400L), Map.of(), Map.of(), Map.of());
    assertThat(ProgramCompatibility.check(v2(), state)).containsExactly(Problem.warning(
        "budgets.spring", "budget 'spring' has 400 points spent but no rule of program coffee "
            + "declares it"));
  }

  @Test
  void versionsOfDifferentProgramsAreRefused() {
    Program other = Program.builder(ProgramId.of("tea"), Money.currency("USD"),
        ZoneId.of("UTC")).unit(PointUnit.redeemable("stars", "Stars")).build();
    assertThatThrownBy(() -> ProgramCompatibility.check(v1().build(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("program tea in USD is not a version of program coffee in USD");
  }
}
