package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.MemberDiscount;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.ShortfallPolicy;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.program.UnitKind;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.Budget;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.CustomCondition;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.rule.Stacking;
import org.loyaltyrules.core.rule.TimeWindow;
import org.loyaltyrules.rules.spi.Extensions;

/**
 * A program that uses every part of the format is written as YAML and JSON and read back to an
 * equal program; the text written is a fixpoint.
 */
class ProgramFilesRoundTripTest {
  static final UnitId POINTS = UnitId.of("points");
  static final UnitId TIER_POINTS = UnitId.of("tier-points");
  static final Extensions EXTENSIONS = Extensions.builder()
      .rule("per-item", p -> ctx -> 1)
      .condition("weekend", p -> ctx -> true)
      .build();

  /** Every part of the format, each away from its default. */
  static Program everything() {
    RuleSettings busy = RuleSettings.defaults().order(2, 5).stacking(Stacking.EXCLUSIVE)
        .audience(new Audience(Set.of("students"), Set.of(TierId.of("gold")),
            Map.of("city", "Seoul"), Set.of(Channel.ONLINE, Channel.APP)))
        .window(new TimeWindow(LocalDate.of(2026, 1, 1).atStartOfDay(),
            LocalDate.of(2026, 2, 1).atTime(12, 30)))
        .caps(Cap.of(CapScope.DAY, 400), Cap.of(CapScope.MEMBER, 5_000))
        .budget(Budget.of("spring", 1_000_000))
        .condition(new CustomCondition("weekend", Map.of("days", "6,7")))
        .when(Expression.of("order.total >= 20 && inSegment('students')"))
        .onError(OnError.REFUSE_DECISION);
    Money usd = Money.of("1", "USD");
    return Program.builder(ProgramId.of("everything"), Money.currency("USD"),
            ZoneId.of("America/Los_Angeles"))
        .name("Everything Rewards")
        .segments(List.of("students", "staff"))
        .activityHorizon(Duration.ofDays(500))
        .earnPolicy(new EarnPolicy(true, true, true, EarnPolicy.Scope.PER_LINE,
            EarnPolicy.MultiplierTiming.AFTER_ROUNDING, java.math.RoundingMode.HALF_UP))
        .unit(new PointUnit(POINTS, "Points", UnitKind.REDEEMABLE, Period.ofDays(14),
            ExpiryPolicy.afterPeriod(Period.ofMonths(18)), ShortfallPolicy.ALLOW_NEGATIVE))
        .unit(new PointUnit(TIER_POINTS, "Tier points", UnitKind.STATUS, Period.ZERO,
            ExpiryPolicy.atEndOf(CalendarPeriod.YEAR, 1), ShortfallPolicy.STOP_AT_ZERO))
        .unit(new PointUnit(UnitId.of("miles"), "Miles", UnitKind.REDEEMABLE, Period.ZERO,
            ExpiryPolicy.afterInactivity(Period.ofYears(2)), ShortfallPolicy.TAKE_FROM_PENDING))
        .earnRule(new EarnRule.Rate(RuleId.of("base"), busy, POINTS, new BigDecimal("2.5"), usd,
            new LineFilter(Set.of("beans"), Set.of("SKU-1"), Set.of("eco"))))
        .earnRule(new EarnRule.Multiplier(RuleId.of("beans-x3"), RuleSettings.defaults(), POINTS,
            BigDecimal.valueOf(3), LineFilter.categories("beans")))
        .earnRule(new EarnRule.EventBonus(RuleId.of("check-in"), RuleSettings.defaults(), POINTS,
            5, EngagementType.CHECK_IN, Map.of("place", "store-1"), Frequency.ONCE_PER_DAY))
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("spend-40"), RuleSettings.defaults(),
            POINTS, 30, Money.of("40", "USD")))
        .earnRule(new EarnRule.FirstPurchase(RuleId.of("first"), RuleSettings.defaults(),
            Grant.points(POINTS, 100)))
        .earnRule(new EarnRule.SpendVoucher(RuleId.of("five-per-35"), RuleSettings.defaults(),
            Money.of("35", "USD"), Money.of("5", "USD"), Optional.of(Period.ofDays(30))))
        .earnRule(new EarnRule.Cashback(RuleId.of("cashback"), RuleSettings.defaults(),
            new BigDecimal("1.5"), Optional.empty()))
        .earnRule(new EarnRule.DateReward(RuleId.of("birthday"), RuleSettings.defaults(),
            EarnRule.DateReward.Occasion.BIRTHDAY, Grant.reward(RewardId.of("drink")), true))
        .earnRule(new EarnRule.DateReward(RuleId.of("anniversary"), RuleSettings.defaults(),
            EarnRule.DateReward.Occasion.ANNIVERSARY, Grant.voucher(Money.of("5", "USD")),
            false))
        .earnRule(new EarnRule.Custom(RuleId.of("per-item"), RuleSettings.defaults(), POINTS,
            "per-item", Map.of("points", "3")))
        .earnRule(new EarnRule.Formula(RuleId.of("students"), RuleSettings.defaults(), POINTS,
            Expression.of("floor(order.total) * 2 + 50")))
        .reward(Reward.of("drink", "Drink", POINTS, 150, RewardKind.FREE_ITEM))
        .reward(new Reward(RewardId.of("ten-off"), "10% off", POINTS, 500,
            RewardKind.PERCENT_DISCOUNT, Optional.empty(), Optional.of(BigDecimal.TEN),
            Set.of(TierId.of("gold"))))
        .reward(Reward.worth("five", "USD 5", POINTS, 1_000, RewardKind.VOUCHER,
            Money.of("5", "USD")))
        .offer(new Offer(org.loyaltyrules.core.OfferId.of("double"), "Double points",
            LocalDate.of(2026, 3, 18).atStartOfDay(), LocalDate.of(2026, 3, 19).atStartOfDay(),
            Set.of("students"), Set.of(TierId.of("gold")), POINTS, BigDecimal.valueOf(2), 25)
            .when(Expression.of("any(line.category == 'beans')")))
        .tiers(new TierLadder(TierMetric.STATUS_POINTS, Optional.of(TIER_POINTS),
            Optional.empty(), QualificationWindow.rollingMonths(12), TierDowngrade.ONE_STEP,
            Period.ofDays(14), List.of(
                Tier.of("green", "Green", 0),
                new Tier(TierId.of("gold"), "Gold", BigDecimal.valueOf(300),
                    new BigDecimal("1.5"), Set.of("free-shipping"))
                    .withEntryBonus(Grant.points(POINTS, 500)),
                Tier.of("lifetime-gold", "Lifetime Gold", 10_000)
                    .withWindow(QualificationWindow.lifetime())
                    .withEntryBonus(Grant.reward(RewardId.of("drink"))))))
        .plan(MembershipPlan.recurring("plus", "Plus", Money.of("139", "USD"), Period.ofYears(1),
            Set.of("free-shipping")).withTrial(Period.ofDays(30)).withGrace(Period.ofMonths(1))
            .withDiscount(new MemberDiscount(BigDecimal.TEN, new LineFilter(Set.of("beans"),
                Set.of(), Set.of("eco")))))
        .plan(new MembershipPlan(org.loyaltyrules.core.PlanId.of("coop"), "Co-op",
            Money.of("20", "USD"), Optional.empty(), Set.of(), BigDecimal.valueOf(2))
            .withDiscount(new MemberDiscount(new BigDecimal("5"), LineFilter.all()))
            .withDividend(new Dividend(new BigDecimal("2.5"), Dividend.ReturnPolicy.REDUCE_NEXT,
                Optional.of(Period.ofYears(1)))))
        .plan(new MembershipPlan(org.loyaltyrules.core.PlanId.of("club"), "Club",
            Money.of("5", "USD"), Optional.of(Period.ofMonths(1)), Set.of(), BigDecimal.ONE)
            .withDividend(Dividend.of(BigDecimal.ONE)))
        .partner(new Partner(org.loyaltyrules.core.PartnerId.of("hotel"), "Hotel",
            Money.of("0.01", "USD")).withTransfers(new org.loyaltyrules.core.program.TransferTerms(
                "miles", 5, 2, 5000, 1250)))
        .cause(new Cause(org.loyaltyrules.core.CauseId.of("shelter"), "Shelter",
            Money.of("0.005", "USD"), 100, 100))
        .challenge(new Challenge(ChallengeId.of("stamps"), "Stamp card", ChallengeGoal.PURCHASES,
            BigDecimal.TEN, Set.of("drinks"), Optional.empty(), ChallengeWindow.NONE,
            Grant.reward(RewardId.of("drink")), true))
        .challenge(new Challenge(ChallengeId.of("check-ins"), "Three check-ins",
            ChallengeGoal.EVENTS, BigDecimal.valueOf(3), Set.of(),
            Optional.of(EngagementType.CHECK_IN), ChallengeWindow.WEEK,
            Grant.points(POINTS, 50), false))
        .pointsPayment(new PointsPayment(POINTS, 100, Money.of("5", "USD"),
            new BigDecimal("0.5")))
        .build();
  }

  @Test
  void everyPartOfTheFormatSurvivesYamlAndJson() {
    Program program = everything();
    assertThat(BudgetId.of("spring")).isNotNull();
    for (ProgramFiles.Syntax syntax : ProgramFiles.Syntax.values()) {
      String text = ProgramFiles.write(program, syntax);
      ProgramFile file = ProgramFiles.read(text, syntax, EXTENSIONS);
      assertThat(file.errors()).as(text).isEmpty();
      assertThat(file.program()).as(text).isEqualTo(program);
      assertThat(ProgramFiles.write(file.program(), syntax)).isEqualTo(text);
    }
  }

  /** The tiers and plans of a hotel program, as a file writes them. */
  static final String TIERS_AND_PLANS = """
      format: loyalty-program/1
      id: stays
      currency: USD
      zone: America/New_York
      units:
        - id: points
          name: Points
      rewards:
        - id: night
          name: Free night
          unit: points
          cost: 20000
          kind: free-item
      tiers:
        metric: expression
        credit: "sum(line.amount, line.category == 'stays')"
        window: calendar-year
        downgrade: one-step
        grace: 3 months
        tiers:
          - id: member
            name: Member
            threshold: 0
          - id: gold
            name: Gold
            threshold: 5000
            perks:
              - late-checkout
            entryBonus:
              points: 2500
              unit: points
          - id: lifetime-gold
            name: Lifetime Gold
            threshold: 100000
            window: lifetime
            entryBonus:
              reward: night
      plans:
        - id: plus
          name: Plus
          fee: 99.00
          term: 1 year
          perks:
            - free-breakfast
          trial: 30 days
          grace: 14 days
          discount:
            percent: 10
            lines:
              categories:
                - dining
        - id: coop
          name: Co-op
          fee: 30.00
          dividend:
            percent: 10
            onReturn: reduce-next
            validity: 1 year
      """;

  @Test
  void tiersAndPlansReadAndWriteAsDocumented() {
    Program expected = Program.builder(ProgramId.of("stays"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("points", "Points"))
        .reward(Reward.of("night", "Free night", POINTS, 20_000, RewardKind.FREE_ITEM))
        .tiers(new TierLadder(TierMetric.EXPRESSION, Optional.empty(),
            Optional.of(Expression.of("sum(line.amount, line.category == 'stays')")),
            QualificationWindow.calendarYear(), TierDowngrade.ONE_STEP, Period.ofMonths(3),
            List.of(Tier.of("member", "Member", 0),
                Tier.of("gold", "Gold", 5_000).withPerks(Set.of("late-checkout"))
                    .withEntryBonus(Grant.points(POINTS, 2_500)),
                Tier.of("lifetime-gold", "Lifetime Gold", 100_000)
                    .withWindow(QualificationWindow.lifetime())
                    .withEntryBonus(Grant.reward(RewardId.of("night"))))))
        .plan(MembershipPlan.recurring("plus", "Plus", Money.of("99.00", "USD"),
                Period.ofYears(1), Set.of("free-breakfast")).withTrial(Period.ofDays(30))
            .withGrace(Period.ofWeeks(2))
            .withDiscount(new MemberDiscount(BigDecimal.TEN, LineFilter.categories("dining"))))
        .plan(MembershipPlan.lifetime("coop", "Co-op", Money.of("30.00", "USD"), Set.of())
            .withDividend(new Dividend(BigDecimal.TEN, Dividend.ReturnPolicy.REDUCE_NEXT,
                Optional.of(Period.ofYears(1)))))
        .build();
    ProgramFile file = ProgramFiles.read(TIERS_AND_PLANS, ProgramFiles.Syntax.YAML);
    assertThat(file.problems()).isEmpty();
    assertThat(file.program()).isEqualTo(expected);
    assertThat(ProgramFiles.write(expected, ProgramFiles.Syntax.YAML)).isEqualTo(TIERS_AND_PLANS);
  }

  @Test
  void defaultsOfTiersAndPlansAreLeftOutAndReadBack() {
    Program program = Program.builder(ProgramId.of("plain"), Money.currency("EUR"),
            ZoneId.of("Europe/Berlin"))
        .unit(PointUnit.redeemable("points", "Points"))
        .tiers(TierLadder.of(TierMetric.NIGHTS, QualificationWindow.membershipYear(),
            List.of(Tier.of("base", "Base", 0), Tier.of("top", "Top", 60))))
        .plan(MembershipPlan.recurring("plus", "Plus", Money.of("9.99", "EUR"),
            Period.ofMonths(1), Set.of()).withDividend(Dividend.of(new BigDecimal("1.5")))
            .withDiscount(new MemberDiscount(new BigDecimal("100"), LineFilter.all())))
        .build();
    String text = ProgramFiles.write(program, ProgramFiles.Syntax.YAML);
    assertThat(text).contains("tiers:\n  metric: nights\n  window: membership-year\n  tiers:\n")
        .contains("    discount:\n      percent: 100\n    dividend:\n      percent: 1.5\n")
        .doesNotContain("downgrade", "grace", "credit", "entryBonus", "onReturn", "validity",
            "trial", "lines");
    ProgramFile file = ProgramFiles.read(text, ProgramFiles.Syntax.YAML);
    assertThat(file.problems()).isEmpty();
    assertThat(file.program()).isEqualTo(program);
    assertThat(file.program().tiers().orElseThrow().downgrade())
        .isEqualTo(TierDowngrade.TO_EARNED);
    assertThat(file.program().tiers().orElseThrow().grace()).isEqualTo(Period.ZERO);
  }

  @Test
  void theYamlReadsLikeTheBrief() {
    String text = ProgramFiles.write(everything(), ProgramFiles.Syntax.YAML);
    System.out.println(text);
    assertThat(text).startsWith("format: loyalty-program/1\nid: everything\n");
    assertThat(text).contains("  - id: base\n    kind: rate\n    unit: points\n    points: 2.5\n"
        + "    per: 1.00\n");
  }

  @Test
  void aNameThatIsALineBreakToYamlIsQuotedSoItReadsBackAsItWas() {
    for (String name : List.of("\u0085", "a\u0085b", "\u00a0", "\ufeff", "\u0000")) {
      Program program = Program.builder(org.loyaltyrules.core.ProgramId.of("p"),
              Money.currency("USD"), java.time.ZoneId.of("UTC"))
          .name(name).unit(org.loyaltyrules.core.program.PointUnit.redeemable("pts", "Pts"))
          .build();
      String text = ProgramFiles.write(program, ProgramFiles.Syntax.YAML);

      ProgramFile file = ProgramFiles.read(text, ProgramFiles.Syntax.YAML);

      assertThat(file.errors()).as(text).isEmpty();
      assertThat(file.program().name()).as(text).isEqualTo(name);
    }
  }
}
