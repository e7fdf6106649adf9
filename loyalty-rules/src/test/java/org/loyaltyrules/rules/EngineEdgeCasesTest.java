package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.AccountClosure;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Budget;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.rules.spi.Extensions;

/** Cases a review of the decision engine found, kept as regression tests. */
class EngineEdgeCasesTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId STARS = UnitId.of("stars");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));

  private static Program.Builder program() {
    return Program.builder(ProgramId.of("p"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"));
  }

  private static Instant at(int month, int day, int hour) {
    return LocalDate.of(2026, month, day).atTime(hour, 0).atZone(ZONE).toInstant();
  }

  private static Purchase order(String id, Instant at, String price) {
    return Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "item", "goods", 1, Money.of(price, "USD"))).build();
  }

  @Test
  void aReturnDecidedAgainstAnEmptyProgramStateGivesNoZeroBudgetChange() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Rate(RuleId.of("promo"), RuleSettings.defaults()
            .budget(Budget.of("spring", 1000)), STARS, BigDecimal.ONE, Money.of("1", "USD"),
            LineFilter.all())).build());
    Member bought = compiled.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)),
        order("p-1", at(3, 1, 9), "10"), at(3, 1, 9), RANDOM).member();
    Decision ret = compiled.decide(STATE, bought, Return.of(ActivityId.of("r-1"), at(3, 1, 10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), at(3, 1, 10), RANDOM);
    assertThat(ret.member().available(STARS)).isZero();
    assertThat(ret.programStateChanges()).isEmpty();
  }

  @Test
  void aClosedAccountStillAdvancesPastItsBirthday() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(EarnRule.DateReward.birthday("bday", Grant.points(STARS, 50))).build());
    Member ana = Member.enroll(MemberId.of("ana"), at(1, 10, 8));
    ana = ana.withProfile(ana.profile().withBirthday(LocalDate.of(1990, 6, 15)));
    Member closed = compiled.decide(STATE, ana, new AccountClosure(ActivityId.of("c-1"),
        at(2, 1, 9), "member asked"), at(2, 1, 9), RANDOM).member();
    Decision later = compiled.advance(STATE, closed, at(7, 1, 0));
    assertThat(later.member().available(STARS)).isZero();
    assertThat(later.effects()).isEmpty();
  }

  @Test
  void aLatePurchaseUsesThePlanThatWasActiveWhenItHappened() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(EarnRule.Rate.of("base", STARS, 1, Money.of("1", "USD")))
        .plan(new MembershipPlan(PlanId.of("plus"), "Plus", Money.of("50", "USD"),
            Optional.of(java.time.Period.ofMonths(1)), Set.of(), BigDecimal.valueOf(2)))
        .build());
    Member ana = Member.enroll(MemberId.of("ana"), at(1, 30, 8)).withMembership(Membership.of(
        PlanId.of("plus"), MembershipStatus.ACTIVE, new org.loyaltyrules.core.member.FeeTerm(
            ActivityId.of("fee-1"), Money.of("50", "USD"), at(1, 30, 8),
            Optional.of(at(3, 1, 0)))));
    Decision late = compiled.decide(STATE, ana, order("p-1", at(2, 28, 20), "10"), at(3, 1, 1),
        RANDOM);
    assertThat(late.member().available(STARS)).as("x2 while the plan was active").isEqualTo(20);
  }

  @Test
  void cashbackOnAmountsWithManyDecimalsIsRoundedDownToTheCent() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Cashback(RuleId.of("cashback"), RuleSettings.defaults(),
            new BigDecimal("3.3333"), Optional.empty())).build());
    Purchase fuel = Purchase.builder(ActivityId.of("p-1"), at(3, 1, 9))
        .line(PurchaseLine.of(org.loyaltyrules.core.LineId.of("l1"), "fuel", "fuel",
            new BigDecimal("12.345"), Money.of("3.4599", "USD"))).build();
    Decision d = compiled.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)), fuel,
        at(3, 1, 9), RANDOM);
    // 12.345 x 3.4599 = 42.7124655; 3.3333% of it = 1.4237... -> 1.42
    assertThat(d.member().vouchers().values()).extracting(Voucher::value)
        .containsExactly(Money.of("1.42", "USD"));
  }

  @Test
  void overflowingPointsAreARuleErrorNotACrash() {
    CompiledProgram huge = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Rate(RuleId.of("huge"), RuleSettings.defaults(), STARS,
            new BigDecimal("1E18"), Money.of("1", "USD"), LineFilter.all())).build());
    Decision d = huge.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)),
        order("p-1", at(3, 1, 9), "10000"), at(3, 1, 9), RANDOM);
    assertThat(d.member().available(STARS)).isZero();
    assertThat(d.errors()).singleElement().satisfies(e -> {
      assertThat(e.consequence()).isEqualTo(DecisionError.Consequence.RULE_SKIPPED);
      assertThat(e.message()).contains("huge");
    });

    CompiledProgram custom = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Custom(RuleId.of("max"), RuleSettings.defaults(), STARS, "max",
            Map.of())).build(), Extensions.builder().rule("max", p -> c -> Long.MAX_VALUE)
        .build());
    Decision c = custom.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)),
        order("p-1", at(3, 1, 9), "1"), at(3, 1, 9), RANDOM);
    assertThat(c.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .contains("past the ledger's ceiling"));
  }

  @Test
  void aRuleThatFailsOnAnEmptyOrderDoesNotBlockAFullReturn() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Custom(RuleId.of("per-dollar"), RuleSettings.defaults()
            .onError(OnError.REFUSE_DECISION), STARS, "inverse", Map.of())).build(),
        Extensions.builder().rule("inverse", p -> c -> 100 / c.earningAmount().intValueExact())
            .build());
    Member bought = compiled.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)),
        order("p-1", at(3, 1, 9), "10"), at(3, 1, 9), RANDOM).member();
    assertThat(bought.available(STARS)).isEqualTo(10);
    Decision ret = compiled.decide(STATE, bought, Return.of(ActivityId.of("r-1"), at(3, 1, 10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), at(3, 1, 10), RANDOM);
    assertThat(ret.isRefused()).isFalse();
    assertThat(ret.member().available(STARS)).isZero();
  }

  @Test
  void capsAndBudgetsOnRulesThatDoNotCountPointsAreProblems() {
    assertThatThrownBy(() -> LoyaltyRules.compile(program()
            .earnRule(new EarnRule.DateReward(RuleId.of("bday"), RuleSettings.defaults()
                .budget(Budget.of("b", 10)), EarnRule.DateReward.Occasion.BIRTHDAY,
                Grant.points(STARS, 50), false)).build()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("earnRules[0].settings: caps and budgets count points");
  }

  @Test
  void returningAPurchaseAVoucherRuleNeverCountedLeavesItsProgressAlone() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.SpendVoucher(RuleId.of("march"), RuleSettings.defaults()
            .window(org.loyaltyrules.core.rule.TimeWindow.days(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31))), Money.of("10", "USD"), Money.of("5", "USD"),
            Optional.empty())).build());
    Member m = Member.enroll(MemberId.of("ana"), at(2, 1, 8));
    m = compiled.decide(STATE, m, order("feb", at(2, 20, 9), "8"), at(2, 20, 9), RANDOM)
        .member();
    m = compiled.decide(STATE, m, order("mar", at(3, 2, 9), "8"), at(3, 2, 9), RANDOM).member();
    assertThat(m.progress("spend/march")).isEqualByComparingTo("8");
    Decision ret = compiled.decide(STATE, m, Return.of(ActivityId.of("r-1"), at(3, 3, 9),
        ActivityId.of("feb"), List.of(ReturnLine.of("l1", 1))), at(3, 3, 9), RANDOM);
    assertThat(ret.member().progress("spend/march")).isEqualByComparingTo("8");
  }

  @Test
  void anOfferWindowEndingInTheRepeatedHourOfAClockChangeDoesNotReopen() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(EarnRule.Rate.of("base", STARS, 1, Money.of("1", "USD")))
        .offer(org.loyaltyrules.core.program.Offer.multiplier("night", "Night owl",
            java.time.LocalDateTime.of(2026, 10, 31, 22, 0),
            java.time.LocalDateTime.of(2026, 11, 1, 1, 30), STARS, BigDecimal.valueOf(2)))
        .build());
    Instant firstQuarterPast = Instant.parse("2026-11-01T05:15:00Z");  // 01:15 EDT
    Instant secondQuarterPast = Instant.parse("2026-11-01T06:15:00Z"); // 01:15 EST, an hour on
    Member ana = Member.enroll(MemberId.of("ana"), at(10, 1, 8));
    assertThat(compiled.decide(STATE, ana, order("p-1", firstQuarterPast, "10"),
        firstQuarterPast, RANDOM).member().available(STARS)).isEqualTo(20);
    assertThat(compiled.decide(STATE, ana, order("p-1", secondQuarterPast, "10"),
        secondQuarterPast, RANDOM).member().available(STARS)).isEqualTo(10);
  }

  @Test
  void aRoundedShareMovingBetweenTwoMultipliersIsNotLostOnReturn() {
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(EarnRule.Rate.of("base", STARS, 1, Money.of("1", "USD")))
        .earnRule(new EarnRule.Multiplier(RuleId.of("a-x2"), RuleSettings.defaults(), STARS,
            BigDecimal.valueOf(2), LineFilter.categories("a")))
        .earnRule(new EarnRule.Multiplier(RuleId.of("b-x2"), RuleSettings.defaults(), STARS,
            BigDecimal.valueOf(2), LineFilter.categories("b")))
        .build());
    Purchase both = Purchase.builder(ActivityId.of("p-1"), at(3, 2, 9))
        .line(PurchaseLine.of("la", "a", "a", 1, Money.of("0.60", "USD")))
        .line(PurchaseLine.of("lb", "b", "b", 1, Money.of("0.60", "USD"))).build();
    Member bought = compiled.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)), both,
        at(3, 2, 9), RANDOM).member();
    assertThat(bought.available(STARS)).as("floor(2.4)").isEqualTo(2);
    Decision ret = compiled.decide(STATE, bought, Return.of(ActivityId.of("r-1"), at(3, 2, 10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("lb", 1))), at(3, 2, 10), RANDOM);
    assertThat(ret.member().available(STARS)).as("line a alone earns floor(1.2)").isEqualTo(1);
  }

  @Test
  void exclusivityFollowsPriorityAcrossRuleKinds() {
    org.loyaltyrules.core.rule.RuleSettings exclusive = RuleSettings.defaults().order(1, 0)
        .stacking(org.loyaltyrules.core.rule.Stacking.EXCLUSIVE);
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Rate(RuleId.of("promo-rate"), exclusive, STARS, BigDecimal.ONE,
            Money.of("1", "USD"), LineFilter.all()))
        .earnRule(new EarnRule.MinimumSpendBonus(RuleId.of("big-bonus"), exclusive.order(1, 10),
            STARS, 500, Money.of("5", "USD")))
        .build());
    Decision d = compiled.decide(STATE, Member.enroll(MemberId.of("ana"), at(3, 1, 8)),
        order("p-1", at(3, 1, 9), "10"), at(3, 1, 9), RANDOM);
    assertThat(d.member().available(STARS)).as("the priority-10 bonus wins the group")
        .isEqualTo(500);
    assertThat(d.trace()).filteredOn(t -> t.rule().equals(RuleId.of("promo-rate")))
        .singleElement().satisfies(t -> {
          assertThat(t.lostToStacking()).isEqualTo(10);
          assertThat(t.note()).isEqualTo("excluded by rule big-bonus, first of exclusive group 1");
        });
  }

  @Test
  void anExclusiveRuleWithNoBudgetLeftDoesNotExcludeTheOthersAndReturnsAgree() {
    org.loyaltyrules.core.rule.RuleSettings exclusive = RuleSettings.defaults().order(1, 0)
        .stacking(org.loyaltyrules.core.rule.Stacking.EXCLUSIVE);
    CompiledProgram compiled = LoyaltyRules.compile(program()
        .earnRule(new EarnRule.Rate(RuleId.of("promo"), exclusive.order(1, 10)
            .budget(Budget.of("launch", 10)), STARS, BigDecimal.valueOf(3),
            Money.of("1", "USD"), LineFilter.all()))
        .earnRule(new EarnRule.Rate(RuleId.of("base"), exclusive, STARS, BigDecimal.ONE,
            Money.of("1", "USD"), LineFilter.all()))
        .build());
    ProgramState spent = STATE.apply(List.of(new org.loyaltyrules.core.decision
        .ProgramStateChange.BudgetSpent(org.loyaltyrules.core.BudgetId.of("launch"), 10)));
    Decision d = compiled.decide(spent, Member.enroll(MemberId.of("ana"), at(3, 1, 8)),
        order("p-1", at(3, 1, 9), "10"), at(3, 1, 9), RANDOM);
    assertThat(d.member().available(STARS)).as("the base rate earns").isEqualTo(10);
    Decision ret = compiled.decide(spent, d.member(), Return.of(ActivityId.of("r-1"),
        at(3, 1, 10), ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))), at(3, 1, 10),
        RANDOM);
    assertThat(ret.member().available(STARS)).isZero();
  }
}
