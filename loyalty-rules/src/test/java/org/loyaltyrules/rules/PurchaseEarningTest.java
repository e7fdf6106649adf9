package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.activity.UnknownLineException;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.ReturnExceedsPurchaseException;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.rule.Stacking;

class PurchaseEarningTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId STARS = UnitId.of("stars");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final LocalDate DOUBLE_DAY = LocalDate.of(2026, 3, 18);

  private static Program.Builder coffee() {
    return Program.builder(ProgramId.of("coffee"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 2, usd("1")))
        .offer(Offer.multiplier("double-star-day", "Double Star Day", DOUBLE_DAY.atStartOfDay(),
            DOUBLE_DAY.plusDays(1).atStartOfDay(), STARS, BigDecimal.valueOf(2)));
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(ZONE).toInstant();
  }

  private static Purchase order(String id, Instant at, PurchaseLine... lines) {
    return Purchase.builder(ActivityId.of(id), at).lines(List.of(lines)).build();
  }

  private static PurchaseLine line(String id, String category, long quantity, String price) {
    return PurchaseLine.of(id, id + "-sku", category, quantity, usd(price));
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(LocalDate.of(2026, 3, 1), 8));
  }

  private static Decision decide(CompiledProgram program, Member member, Purchase purchase) {
    return program.decide(STATE, member, purchase, purchase.occurredAt(), RANDOM);
  }

  @Test
  void twoStarsPerDollarAndTwiceOnADoubleStarDay() {
    CompiledProgram program = LoyaltyRules.compile(coffee().build());
    Instant monday = at(LocalDate.of(2026, 3, 16), 9);

    Decision plain = decide(program, ana(), order("p-1", monday, line("latte", "drinks", 1,
        "12.50")));
    assertThat(plain.member().available(STARS)).isEqualTo(25);
    assertThat(plain.effects()).singleElement().isInstanceOfSatisfying(Effect.PointsEarned.class,
        e -> {
          assertThat(e.points()).isEqualTo(25);
          assertThat(e.rule()).contains(RuleId.of("base"));
        });

    Decision doubled = decide(program, ana(), order("p-1", at(DOUBLE_DAY, 9),
        line("latte", "drinks", 1, "12.50")));
    assertThat(doubled.member().available(STARS)).isEqualTo(50);
    assertThat(doubled.trace()).extracting(TraceEntry::rule, TraceEntry::granted)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleId.of("base"), 25L),
            org.assertj.core.groups.Tuple.tuple(RuleId.of("offer:double-star-day"), 25L));
  }

  @Test
  void theProgramSaysWhetherMultipliersApplyBeforeOrAfterRounding() {
    Purchase odd = order("p-1", at(DOUBLE_DAY, 9), line("latte", "drinks", 1, "12.99"));

    Decision before = decide(LoyaltyRules.compile(coffee().build()), ana(), odd);
    assertThat(before.member().available(STARS)).as("25.98 x 2 = 51.96").isEqualTo(51);
    Decision after = decide(LoyaltyRules.compile(coffee().earnPolicy(EarnPolicy.defaults()
        .withMultipliers(EarnPolicy.MultiplierTiming.AFTER_ROUNDING)).build()), ana(), odd);
    assertThat(after.member().available(STARS)).as("25 x 2").isEqualTo(50);
    TraceEntry base = after.trace().get(0);
    assertThat(base.lostToRounding()).as("0.98 of a star lost to rounding")
        .isEqualByComparingTo("0.98");
  }

  @Test
  void roundingPerLineOrPerOrder() {
    Purchase two = order("p-1", at(LocalDate.of(2026, 3, 16), 9),
        line("a", "drinks", 1, "1.30"), line("b", "drinks", 1, "1.30"));
    assertThat(decide(LoyaltyRules.compile(coffee().build()), ana(), two).member()
        .available(STARS)).as("floor(5.2)").isEqualTo(5);
    assertThat(decide(LoyaltyRules.compile(coffee().earnPolicy(EarnPolicy.defaults()
        .withScope(EarnPolicy.Scope.PER_LINE)).build()), ana(), two).member().available(STARS))
        .as("floor(2.6) + floor(2.6)").isEqualTo(4);
  }

  @Test
  void anExactFractionalRateNeverLosesAPointToBinaryArithmetic() {
    Program oneForThree = Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 1, usd("3"))).build();
    Decision d = decide(LoyaltyRules.compile(oneForThree), ana(), order("p-1",
        at(LocalDate.of(2026, 3, 16), 9), line("a", "x", 1, "1.00"), line("b", "x", 1, "2.00")));
    assertThat(d.member().available(STARS)).isEqualTo(1);
  }

  @Test
  void categoryMultipliersMinimumSpendFirstPurchaseAndTheirTrace() {
    Program program = coffee()
        .earnRule(new EarnRule.Multiplier(RuleId.of("beans-x3"), RuleSettings.defaults(), STARS,
            BigDecimal.valueOf(3), LineFilter.categories("beans")))
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("spend-40"), RuleSettings.defaults(),
            STARS, 30, usd("40")))
        .earnRule(new EarnRule.FirstPurchase(RuleId.of("welcome"), RuleSettings.defaults(),
            org.loyaltyrules.core.program.Grant.points(STARS, 100)))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    Instant monday = at(LocalDate.of(2026, 3, 16), 9);
    Purchase first = order("p-1", monday, line("beans", "beans", 2, "18.50"),
        line("latte", "drinks", 1, "5.00"));

    Decision d = decide(compiled, ana(), first);
    // base 2 x 42 = 84; beans 2 x 37 x (3 - 1) = 148; 42 >= 40: 30; welcome 100
    assertThat(d.member().available(STARS)).isEqualTo(84 + 148 + 30 + 100);
    assertThat(d.trace()).extracting(TraceEntry::rule, TraceEntry::granted).containsExactly(
        org.assertj.core.groups.Tuple.tuple(RuleId.of("base"), 84L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("beans-x3"), 148L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("offer:double-star-day"), 0L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("spend-40"), 30L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("welcome"), 100L));
    assertThat(d.trace().get(2).matched()).isFalse();
    assertThat(d.trace().get(2).note()).startsWith("outside its window");

    Decision second = compiled.decide(STATE, d.member(), order("p-2", monday.plusSeconds(60),
        line("latte", "drinks", 1, "5.00")), monday.plusSeconds(60), RANDOM);
    assertThat(second.trace()).filteredOn(t -> t.rule().equals(RuleId.of("welcome")))
        .singleElement().satisfies(t -> {
          assertThat(t.matched()).isFalse();
          assertThat(t.note()).isEqualTo("the first-purchase bonus was already earned");
        });
    assertThat(second.trace()).filteredOn(t -> t.rule().equals(RuleId.of("spend-40")))
        .singleElement().satisfies(t -> assertThat(t.note())
            .isEqualTo("earning amount 5 is below the minimum 40"));
  }

  @Test
  void capsPerActivityAndPerDayAreNeverExceededAndSayWhatTheyHeldBack() {
    Program program = Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(new EarnRule.Rate(RuleId.of("base"), RuleSettings.defaults()
            .caps(Cap.of(CapScope.ACTIVITY, 150), Cap.of(CapScope.DAY, 200)), STARS,
            BigDecimal.valueOf(2), usd("1"), LineFilter.all()))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    LocalDate day = LocalDate.of(2026, 3, 16);

    Decision first = decide(compiled, ana(), order("p-1", at(day, 9),
        line("tv", "electronics", 1, "100.00")));
    assertThat(first.member().available(STARS)).isEqualTo(150);
    assertThat(first.trace().get(0).lostToCap()).isEqualTo(50);
    Decision second = compiled.decide(STATE, first.member(), order("p-2", at(day, 10),
        line("radio", "electronics", 1, "40.00")), at(day, 10), RANDOM);
    assertThat(second.member().available(STARS)).as("only 50 left of the day's 200")
        .isEqualTo(200);
    assertThat(second.trace().get(0).lostToCap()).isEqualTo(30);
    Decision nextDay = compiled.decide(STATE, second.member(), order("p-3", at(day.plusDays(1),
        9), line("radio", "electronics", 1, "40.00")), at(day.plusDays(1), 9), RANDOM);
    assertThat(nextDay.member().available(STARS)).isEqualTo(280);
    assertThat(nextDay.member().progress()).as("a late purchase of yesterday still counts")
        .containsKey("cap/base/stars/DAY/2026-03-16");
    Instant pastHorizon = at(day.plusDays(1), 9).plus(program.activityHorizon())
        .plus(java.time.Duration.ofDays(1));
    assertThat(compiled.advance(STATE, nextDay.member(), pastHorizon).member().progress())
        .as("once the day is past the activity horizon, its counter goes")
        .doesNotContainKey("cap/base/stars/DAY/2026-03-16");
  }

  /** 1 star per $1, and 5 more in the app; the app bonus is capped as given. */
  private static Program.Builder appBonus(Cap... caps) {
    return Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(EarnRule.Rate.of("base", STARS, 1, usd("1")))
        .earnRule(new EarnRule.Rate(RuleId.of("app-bonus"), RuleSettings.defaults().caps(caps),
            STARS, BigDecimal.valueOf(5), usd("1"), LineFilter.all()));
  }

  private static EarnRule.Multiplier doubled(Cap... caps) {
    return new EarnRule.Multiplier(RuleId.of("double"), RuleSettings.defaults().caps(caps), STARS,
        BigDecimal.valueOf(2), LineFilter.all());
  }

  @Test
  void aMultiplierMultipliesWhatACappedRateGrantsNotWhatItWouldHave() {
    CompiledProgram compiled = LoyaltyRules.compile(appBonus(Cap.of(CapScope.ACTIVITY, 200))
        .earnRule(doubled()).build());
    LocalDate day = LocalDate.of(2026, 3, 16);

    Decision d = decide(compiled, ana(), order("p-1", at(day, 9),
        line("tv", "electronics", 1, "100.00")));
    // base 100; app bonus 500 capped at 200; doubled: 100 on the base and 200 on the app bonus
    assertThat(d.member().available(STARS)).isEqualTo(100 + 200 + 100 + 200);
    assertThat(d.trace()).extracting(TraceEntry::rule, TraceEntry::granted).containsExactly(
        org.assertj.core.groups.Tuple.tuple(RuleId.of("base"), 100L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("app-bonus"), 200L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("double"), 100L),
        org.assertj.core.groups.Tuple.tuple(RuleId.of("double"), 200L));
    assertThat(d.trace().get(1).lostToCap()).isEqualTo(300);
    assertThat(d.trace().get(3).note()).isEqualTo("x2 on app-bonus's stars, as capped at 200");
  }

  @Test
  void aMultiplierOnARateCappedPerDayMultipliesOnlyWhatTheDayStillAllowed() {
    CompiledProgram compiled = LoyaltyRules.compile(appBonus(Cap.of(CapScope.DAY, 300))
        .earnRule(doubled()).build());
    LocalDate day = LocalDate.of(2026, 3, 16);

    Decision first = decide(compiled, ana(), order("p-1", at(day, 9),
        line("tv", "electronics", 1, "50.00")));
    assertThat(first.member().available(STARS)).as("50 + 250, doubled").isEqualTo(600);
    Decision second = compiled.decide(STATE, first.member(), order("p-2", at(day, 10),
        line("radio", "electronics", 1, "50.00")), at(day, 10), RANDOM);
    // base 50; app bonus 50 of its 250 (the day's 300 less 250); doubled: 50 and 50
    assertThat(second.member().available(STARS) - 600).isEqualTo(50 + 50 + 50 + 50);
  }

  @Test
  void aMultiplierCappedPerActivityIsCappedOnceAcrossTheRatesItMultiplies() {
    CompiledProgram compiled = LoyaltyRules.compile(appBonus(Cap.of(CapScope.ACTIVITY, 200))
        .earnRule(doubled(Cap.of(CapScope.ACTIVITY, 120))).build());

    Decision d = decide(compiled, ana(), order("p-1", at(LocalDate.of(2026, 3, 16), 9),
        line("tv", "electronics", 1, "100.00")));
    // base 100; app bonus 200; doubled 300 in all, capped at 120 for the order
    assertThat(d.member().available(STARS)).isEqualTo(100 + 200 + 120);
  }

  @Test
  void aReturnLeavesWhatTheRestWouldHaveEarnedUnderTheCap() {
    CompiledProgram compiled = LoyaltyRules.compile(appBonus(Cap.of(CapScope.ACTIVITY, 200))
        .earnRule(doubled()).build());
    Instant monday = at(LocalDate.of(2026, 3, 16), 9);
    Purchase purchase = order("p-1", monday, line("tv", "electronics", 1, "50.00"),
        line("radio", "electronics", 1, "50.00"));
    Member bought = decide(compiled, ana(), purchase).member();
    assertThat(bought.available(STARS)).isEqualTo(100 + 200 + 100 + 200);

    Instant later = monday.plusSeconds(3600);
    Member returned = compiled.decide(STATE, bought, Return.of(ActivityId.of("r-1"), later,
        purchase.id(), List.of(ReturnLine.of("radio", 1))), later, RANDOM).member();
    Member alone = decide(compiled, ana(), order("p-2", monday,
        line("tv", "electronics", 1, "50.00"))).member();
    // base 50; app bonus 250 capped at 200; doubled: 50 and 200
    assertThat(alone.available(STARS)).isEqualTo(50 + 200 + 50 + 200);
    assertThat(returned.available(STARS)).isEqualTo(alone.available(STARS));
  }

  @Test
  void aCampaignBudgetIsSharedByAllMembersAndKeptInTheProgramState() {
    Program program = Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("launch-bonus"),
            RuleSettings.defaults().budget(org.loyaltyrules.core.rule.Budget.of("launch", 250)),
            STARS, 100, usd("10")))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    ProgramState state = STATE;
    long[] earned = new long[3];
    Member[] members = new Member[3];
    for (int i = 0; i < 3; i++) {
      Member m = Member.enroll(MemberId.of("m" + i), at(LocalDate.of(2026, 3, 16), 8));
      Purchase p = order("p-" + i, at(LocalDate.of(2026, 3, 16), 9 + i),
          line("cake", "food", 1, "12.00"));
      Decision d = compiled.decide(state, m, p, p.occurredAt(), RANDOM);
      state = state.apply(d.programStateChanges());
      earned[i] = d.member().available(STARS);
      members[i] = d.member();
    }
    assertThat(earned).containsExactly(100, 100, 50);
    assertThat(state.budgetSpent(org.loyaltyrules.core.BudgetId.of("launch"))).isEqualTo(250);

    Instant later = at(LocalDate.of(2026, 3, 16), 15);
    Decision ret = compiled.decide(state, members[0], Return.of(ActivityId.of("r-0"), later,
        ActivityId.of("p-0"), List.of(ReturnLine.of("cake", 1))), later, RANDOM);
    assertThat(ret.programStateChanges()).containsExactly(
        new org.loyaltyrules.core.decision.ProgramStateChange.BudgetSpent(
            org.loyaltyrules.core.BudgetId.of("launch"), -100));
    assertThat(state.apply(ret.programStateChanges())
        .budgetSpent(org.loyaltyrules.core.BudgetId.of("launch"))).isEqualTo(150);
  }

  @Test
  void exclusiveRulesOfAGroupLetOnlyTheFirstApply() {
    RuleSettings exclusive = RuleSettings.defaults().order(1, 0).stacking(Stacking.EXCLUSIVE);
    Program program = coffee()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("big"), exclusive.order(1, 10),
            STARS, 50, usd("20")))
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("small"), exclusive, STARS, 10,
            usd("10")))
        .build();
    Decision d = decide(LoyaltyRules.compile(program), ana(), order("p-1",
        at(LocalDate.of(2026, 3, 16), 9), line("cake", "food", 1, "25.00")));
    assertThat(d.member().available(STARS)).isEqualTo(50 + 50);
    assertThat(d.trace()).filteredOn(t -> t.rule().equals(RuleId.of("small"))).singleElement()
        .satisfies(t -> {
          assertThat(t.granted()).isZero();
          assertThat(t.lostToStacking()).isEqualTo(10);
        });
  }

  @Test
  void tierMultipliersApplyToTheTierHeld() {
    Program program = coffee().tiers(TierLadder.of(TierMetric.SPEND,
        QualificationWindow.calendarYear(), List.of(Tier.of("green", "Green", 0),
            Tier.of("gold", "Gold", 300).withEarnMultiplier(new BigDecimal("1.5"))))).build();
    Member gold = ana().withTier(TierStatus.of(TierId.of("gold"), ana().asOf()));
    Decision d = decide(LoyaltyRules.compile(program), gold, order("p-1",
        at(LocalDate.of(2026, 3, 16), 9), line("latte", "drinks", 1, "10.00")));
    assertThat(d.member().available(STARS)).isEqualTo(30);
  }

  @Test
  void aReturnTakesBackTheDifferenceIncludingABonusWhoseMinimumIsNoLongerMet() {
    Program program = coffee()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("spend-40"), RuleSettings.defaults(),
            STARS, 30, usd("40")))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    Instant monday = at(LocalDate.of(2026, 3, 16), 9);
    Purchase purchase = order("p-1", monday, line("mug", "merch", 2, "15.00"),
        line("beans", "beans", 1, "18.00"));
    Member bought = decide(compiled, ana(), purchase).member();
    assertThat(bought.available(STARS)).isEqualTo(96 + 30);

    Instant later = monday.plusSeconds(3600);
    Decision ret = compiled.decide(STATE, bought, Return.of(ActivityId.of("r-1"), later,
        purchase.id(), List.of(ReturnLine.of("mug", 1))), later, RANDOM);
    // 33 left: 66 stars, and below the 40 minimum, so the 30 go too
    assertThat(ret.member().available(STARS)).isEqualTo(66);
    assertThat(ret.effects()).containsExactlyInAnyOrder(
        new Effect.PointsReversed(STARS, 30, purchase.id()),
        new Effect.PointsReversed(STARS, 30, purchase.id()));

    assertThatThrownBy(() -> compiled.decide(STATE, ret.member(), Return.of(
            ActivityId.of("r-2"), later, purchase.id(), List.of(ReturnLine.of("mug", 2))), later,
        RANDOM))
        .isInstanceOf(ReturnExceedsPurchaseException.class)
        .hasMessageContaining("only 1 is left to return");
    assertThatThrownBy(() -> compiled.decide(STATE, ret.member(), Return.of(
            ActivityId.of("r-2"), later, purchase.id(), List.of(ReturnLine.of("tea", 1))), later,
        RANDOM))
        .isInstanceOf(UnknownLineException.class);
    assertThatThrownBy(() -> compiled.decide(STATE, ret.member(), Return.of(
            ActivityId.of("r-2"), later, ActivityId.of("p-404"), List.of(ReturnLine.of("mug",
                1))), later, RANDOM))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown purchase 'p-404'");
  }

  @Test
  void returningInPartsTakesBackExactlyWhatReturningWholeWould() {
    CompiledProgram compiled = LoyaltyRules.compile(coffee()
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("spend-20"), RuleSettings.defaults(),
            STARS, 15, usd("20"))).build());
    Instant at = at(DOUBLE_DAY, 9);
    Purchase purchase = order("p-1", at, line("a", "x", 3, "4.99"), line("b", "x", 2, "7.33"));
    Member bought = decide(compiled, ana(), purchase).member();
    Instant later = at.plusSeconds(60);

    Member whole = compiled.decide(STATE, bought, Return.of(ActivityId.of("r"), later,
        purchase.id(), List.of(ReturnLine.of("a", 3), ReturnLine.of("b", 1))), later, RANDOM)
        .member();
    Member parts = bought;
    int n = 0;
    for (ReturnLine part : List.of(ReturnLine.of("a", 1), ReturnLine.of("b", 1),
        ReturnLine.of("a", 2))) {
      parts = compiled.decide(STATE, parts, Return.of(ActivityId.of("r" + n++), later,
          purchase.id(), List.of(part)), later, RANDOM).member();
    }
    assertThat(parts.available(STARS)).isEqualTo(whole.available(STARS));
    assertThat(whole.available(STARS)).as("7.33 x 2 x 2, below the minimum").isEqualTo(29);
  }

  @Test
  void eventBonusesAsOftenAsTheirFrequencyAllows() {
    Program program = coffee()
        .earnRule(new EarnRule.EventBonus(RuleId.of("instagram"), RuleSettings.defaults(),
            STARS, 50, EngagementType.SOCIAL_FOLLOW, Map.of("network", "instagram"),
            Frequency.ONCE_EVER))
        .earnRule(new EarnRule.EventBonus(RuleId.of("check-in"), RuleSettings.defaults(), STARS,
            5, EngagementType.CHECK_IN, Map.of(), Frequency.ONCE_PER_DAY))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    LocalDateTime morning = LocalDateTime.of(2026, 3, 16, 9, 0);
    Member m = ana();
    int n = 0;
    for (LocalDateTime t : List.of(morning, morning.plusHours(3), morning.plusDays(1))) {
      Instant i = t.atZone(ZONE).toInstant();
      m = compiled.decide(STATE, m, EngagementEvent.of(ActivityId.of("c" + n++), i,
          EngagementType.CHECK_IN), i, RANDOM).member();
    }
    assertThat(m.available(STARS)).as("twice on the first day, once on the next").isEqualTo(10);
    Instant i = morning.plusDays(1).plusHours(1).atZone(ZONE).toInstant();
    EngagementEvent follow = EngagementEvent.of(ActivityId.of("f-1"), i,
        EngagementType.SOCIAL_FOLLOW).withAttribute("network", "instagram");
    m = compiled.decide(STATE, m, follow, i, RANDOM).member();
    Decision again = compiled.decide(STATE, m, EngagementEvent.of(ActivityId.of("f-2"), i,
        EngagementType.SOCIAL_FOLLOW).withAttribute("network", "instagram"), i, RANDOM);
    assertThat(again.member().available(STARS)).isEqualTo(60);
    assertThat(again.trace()).singleElement().satisfies(t -> assertThat(t.note())
        .isEqualTo("already earned once ever"));
  }

  @Test
  void pointsAlreadySpentWhenAReturnComesFollowTheUnitsShortfallPolicyAndTheDecisionSaysSo() {
    Program program = coffee()
        .reward(org.loyaltyrules.core.program.Reward.of("drink", "Drink", STARS, 20,
            org.loyaltyrules.core.program.RewardKind.FREE_ITEM))
        .build();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    Instant monday = at(LocalDate.of(2026, 3, 16), 9);
    Purchase purchase = order("p-1", monday, line("latte", "drinks", 1, "12.50"));
    Member bought = decide(compiled, ana(), purchase).member();
    Member spent = compiled.decide(STATE, bought, org.loyaltyrules.core.activity.RedeemReward.of(
        ActivityId.of("r-1"), monday.plusSeconds(60), org.loyaltyrules.core.RewardId.of("drink")),
        monday.plusSeconds(60), RANDOM).member();
    assertThat(spent.available(STARS)).isEqualTo(5);

    Decision ret = compiled.decide(STATE, spent, Return.of(ActivityId.of("ret-1"),
        monday.plusSeconds(120), purchase.id(), List.of(ReturnLine.of("latte", 1))),
        monday.plusSeconds(120), RANDOM);
    assertThat(ret.member().available(STARS)).as("stops at zero").isZero();
    assertThat(ret.effects()).contains(new Effect.PointsShortfall(STARS, 20,
        org.loyaltyrules.core.program.ShortfallPolicy.STOP_AT_ZERO));
  }

  @Test
  void aReplayedPurchaseEarnsNothing() {
    CompiledProgram compiled = LoyaltyRules.compile(coffee().build());
    Purchase purchase = order("p-1", at(LocalDate.of(2026, 3, 16), 9),
        line("latte", "drinks", 1, "12.50"));
    Member once = decide(compiled, ana(), purchase).member();
    Decision again = decide(compiled, once, purchase);
    assertThat(again.replay()).isTrue();
    assertThat(again.member()).isEqualTo(once);
    assertThat(again.effects()).isEmpty();
  }

  @Test
  void aPreviewIsTheRealDecisionWithItsStateThrownAway() {
    CompiledProgram compiled = LoyaltyRules.compile(coffee().build());
    Member ana = ana();
    Purchase cart = order("cart", at(DOUBLE_DAY, 9), line("latte", "drinks", 2, "6.25"));
    Decision preview = compiled.preview(STATE, ana, cart, cart.occurredAt(), RANDOM);
    assertThat(preview.effects(Effect.PointsEarned.class)).extracting(Effect.PointsEarned::points)
        .containsExactly(25L, 25L);
    assertThat(ana.available(STARS)).as("nothing changed").isZero();
    assertThat(Set.copyOf(preview.effects()))
        .isEqualTo(Set.copyOf(compiled.decide(STATE, ana, cart, cart.occurredAt(), RANDOM)
            .effects()));
  }

  @Test
  void multiplierFactorsAreExact() {
    Offer tripleForStudents = Offer.multiplier("students", "Students", LocalDateTime.of(2026, 1,
        1, 0, 0), LocalDateTime.of(2027, 1, 1, 0, 0), STARS, new BigDecimal("1.25"))
        .targeting(Set.of("students"), Set.of());
    Program program = Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(14)))
        .earnRule(EarnRule.Rate.of("base", STARS, 1, usd("1")))
        .offer(tripleForStudents).build();
    Member student = ana().withProfile(ana().profile().withSegments(Set.of("students")));
    Decision d = decide(LoyaltyRules.compile(program), student, order("p-1",
        at(LocalDate.of(2026, 3, 16), 9), line("book", "books", 1, "20.00")));
    assertThat(d.member().pending(STARS)).isEqualTo(25);
    assertThat(d.effects(Effect.PointsEarned.class)).allSatisfy(e ->
        assertThat(e.pendingUntil()).contains(at(LocalDate.of(2026, 3, 30), 9)));
  }
}
