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
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Expression;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.program.TierMetric;

/**
 * Edge cases of tiers and paid memberships: late activities, returns around a review, entry
 * bonuses and returns, monthly terms across short months, refunds, projections in a grace
 * period, and a member holding a tier the ladder no longer has.
 */
class TierAndPlanEdgeCasesTest {
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final UnitId POINTS = UnitId.of("points");
  private static final UnitId TIER_POINTS = UnitId.of("tier-points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final TierId INSIDER = TierId.of("insider");
  private static final TierId VIB = TierId.of("vib");
  private static final TierId ROUGE = TierId.of("rouge");
  private static final PlanId REI = PlanId.of("rei-coop");
  private static final PlanId MONTHLY = PlanId.of("monthly");

  private static Program.Builder sephora(TierDowngrade downgrade) {
    return Program.builder(ProgramId.of("sephora"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "USD")))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
                Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350)
                    .withEntryBonus(Grant.points(POINTS, 100)),
                Tier.of("rouge", "Rouge", 1000)))
            .withDowngrade(downgrade));
  }

  private static final CompiledProgram SEPHORA = LoyaltyRules.compile(
      sephora(TierDowngrade.TO_EARNED).build());

  private static CompiledProgram shop(Dividend.ReturnPolicy onReturn) {
    return LoyaltyRules.compile(Program.builder(ProgramId.of("shop"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .plan(MembershipPlan.recurring("monthly", "Monthly", Money.of("15", "USD"),
            Period.ofMonths(1), Set.of("free-shipping")))
        .plan(MembershipPlan.lifetime("rei-coop", "REI Co-op", Money.of("20", "USD"), Set.of())
            .withDividend(new Dividend(BigDecimal.TEN, onReturn, Optional.empty())))
        .build());
  }

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ZONE).toInstant();
  }

  private static Purchase order(String id, Instant at, String amount) {
    return Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "sku", "beauty", 1, Money.of(amount, "USD"))).build();
  }

  private static Decision decide(CompiledProgram p, Member m, Activity a) {
    return p.decide(STATE, m, a, a.occurredAt(), RANDOM);
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(2026, 1, 5));
  }

  private static Return returnOf(String id, Instant at, String purchase, String line) {
    return Return.of(ActivityId.of(id), at, ActivityId.of(purchase),
        List.of(ReturnLine.of(line, 1)));
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void aPartialReturnLeavesTheEntryBonusAlone() {
    Purchase p = Purchase.builder(ActivityId.of("p-1"), at(2026, 3, 1))
        .line(PurchaseLine.of("l1", "palette", "beauty", 1, Money.of("380", "USD")))
        .line(PurchaseLine.of("l2", "lipstick", "beauty", 1, Money.of("20", "USD"))).build();
    Member vib = decide(SEPHORA, ana(), p).member();
    assertThat(vib.tierId()).contains(VIB);
    assertThat(vib.available(POINTS)).as("400 + 100 entry bonus").isEqualTo(500);

    Decision returned = decide(SEPHORA, vib, returnOf("r-1", at(2026, 3, 5), "p-1", "l2"));

    assertThat(SEPHORA.tierProgress(STATE, returned.member(), at(2026, 3, 5)).credit())
        .as("$380 still reaches VIB").isEqualByComparingTo("380");
    assertThat(returned.member().tierId()).contains(VIB);
    assertThat(returned.member().available(POINTS))
        .as("only the lipstick's 20 points go; the VIB entry bonus stays").isEqualTo(480);
  }

  @Test
  void aFeePaymentDatedBeforeTheMembershipBeganIsRefusedNamingIt() {
    CompiledProgram shop = shop(Dividend.ReturnPolicy.KEEP);
    Member member = decide(shop, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 2, 1), REI, Money.of("20", "USD"))).member();
    MembershipFeePayment early = new MembershipFeePayment(ActivityId.of("fee-0"),
        at(2026, 1, 20), REI, Money.of("20", "USD"));

    assertThatThrownBy(() -> shop.decide(STATE, member, early, at(2026, 2, 2), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fee-0");
  }

  @Test
  void monthlyTermsDoNotDriftAfterAShortMonth() {
    CompiledProgram shop = shop(Dividend.ReturnPolicy.KEEP);
    Member m = decide(shop, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 1, 31), MONTHLY, Money.of("15", "USD"))).member();
    m = decide(shop, m, new MembershipFeePayment(ActivityId.of("fee-2"), at(2026, 2, 20),
        MONTHLY, Money.of("15", "USD"))).member();
    m = decide(shop, m, new MembershipFeePayment(ActivityId.of("fee-3"), at(2026, 3, 20),
        MONTHLY, Money.of("15", "USD"))).member();

    assertThat(m.membership(MONTHLY).orElseThrow().expiresAt())
        .as("three monthly fees from 31 January last until 30 April, not 28 April")
        .contains(at(2026, 4, 30));
  }

  @Test
  void lateSpendOfAPurchaseDoesNotHideTheReturnOfAnotherTheDividendWasPaidOn() {
    CompiledProgram shop = shop(Dividend.ReturnPolicy.REDUCE_NEXT);
    Member m = decide(shop, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 2, 1), REI, Money.of("20", "USD"))).member();
    m = decide(shop, m, order("p-1", at(2026, 6, 1), "100")).member();
    m = shop.advance(STATE, m, at(2027, 1, 2)).member();
    assertThat(m.vouchers().get(org.loyaltyrules.core.VoucherId.of("dividend:rei-coop:2026"))
        .value()).isEqualTo(Money.of("10.00", "USD"));
    // A late purchase of 2026, reported after the dividend: it counts toward none.
    m = shop.decide(STATE, m, order("p-late", at(2026, 12, 31), "400"), at(2027, 1, 3), RANDOM)
        .member();

    Decision returned = decide(shop, m, returnOf("r-1", at(2027, 1, 4), "p-1", "l1"));

    assertThat(returned.effects()).as("p-1's $100 earned $10 of the 2026 dividend")
        .contains(new Effect.DividendAdjusted(REI, 2026, Money.of("10.00", "USD"),
            Dividend.ReturnPolicy.REDUCE_NEXT));
  }

  @Test
  void statusPointsFromABirthdayRewardCountTowardTheTier() {
    CompiledProgram virgin = LoyaltyRules.compile(Program.builder(ProgramId.of("club"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .unit(PointUnit.statusOnly("tier-points", "Tier points"))
        .earnRule(EarnRule.Rate.of("tp", TIER_POINTS, 1, Money.of("10", "USD")))
        .earnRule(EarnRule.DateReward.birthday("bday", Grant.points(TIER_POINTS, 400)))
        .tiers(TierLadder.onStatusPoints(TIER_POINTS, QualificationWindow.calendarYear(),
            List.of(Tier.of("red", "Red", 0), Tier.of("silver", "Silver", 400))))
        .build());
    Member m = ana().withProfile(MemberProfile.empty().withBirthday(LocalDate.of(1990, 6, 1)));

    Member after = virgin.advance(STATE, m, at(2026, 6, 2)).member();
    assertThat(after.available(TIER_POINTS)).isEqualTo(400);
    Member bought = decide(virgin, after, order("p-1", at(2026, 6, 3), "10")).member();

    assertThat(virgin.tierProgress(STATE, bought, at(2026, 6, 3)).credit())
        .as("400 birthday tier points + 1 earned").isEqualByComparingTo("401");
    assertThat(bought.tierId()).contains(TierId.of("silver"));
  }

  @Test
  void aPurchaseOfTheClosedYearReportedLateUpgradesAsItWouldHaveOnTime() {
    Member m = decide(SEPHORA, ana(), order("p-1", at(2026, 12, 10), "300")).member();
    // On time: decided on 30 December, then the year closes.
    Member onTime = SEPHORA.advance(STATE, decide(SEPHORA, m, order("p-2", at(2026, 12, 30),
        "100")).member(), at(2027, 1, 3)).member();
    assertThat(onTime.tierId()).contains(VIB);

    // Reported three days late: same purchase, same year, same credit.
    Member late = SEPHORA.decide(STATE, m, order("p-2", at(2026, 12, 30), "100"),
        at(2027, 1, 3), RANDOM).member();

    assertThat(SEPHORA.tierProgress(STATE, late, at(2027, 1, 3)).tier()).isEqualTo(
        onTime.tierId().orElseThrow());
    assertThat(late.tierId()).as("2026 credit is $400, which earns VIB for 2027")
        .contains(VIB);
  }

  @Test
  void aJanuaryReturnDecidesAgainAReviewThatLoweredTheTierPartWay() {
    Member m = decide(SEPHORA, ana(), order("p-1", at(2026, 3, 1), "1000")).member();
    assertThat(m.tierId()).contains(ROUGE);
    m = decide(SEPHORA, m, order("p-2", at(2027, 12, 20), "250")).member();
    m = decide(SEPHORA, m, order("p-3", at(2027, 12, 20), "150")).member();
    m = SEPHORA.advance(STATE, m, at(2028, 1, 5)).member();
    assertThat(m.tierId()).as("2027's $400 lowered Rouge to VIB").contains(VIB);

    Decision returned = decide(SEPHORA, m, returnOf("r-1", at(2028, 1, 10), "p-3", "l1"));

    // A VIB kept at the review is re-reviewed (TierQualificationTest); one lowered to VIB by it
    // keeps VIB for all of 2028 on $250 of credit.
    assertThat(returned.member().tierId()).as("2027 holds $250: Insider").contains(INSIDER);
  }

  @Test
  void aFullReturnLeavesNoExpressionCredit() {
    CompiledProgram p = LoyaltyRules.compile(Program.builder(ProgramId.of("visits"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "USD")))
        .tiers(TierLadder.onExpression(Expression.of("floor(order.total / 100) + 1"),
            QualificationWindow.calendarYear(),
            List.of(Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 10))))
        .build());
    Member m = decide(p, ana(), order("p-1", at(2026, 3, 1), "250")).member();
    assertThat(p.tierProgress(STATE, m, at(2026, 3, 1)).credit()).isEqualByComparingTo("3");

    Decision returned = decide(p, m, returnOf("r-1", at(2026, 3, 2), "p-1", "l1"));

    assertThat(returned.errors()).isEmpty();
    assertThat(p.tierProgress(STATE, returned.member(), at(2026, 3, 2)).credit())
        .as("nothing is left of the order").isEqualByComparingTo("0");
  }

  @Test
  void advancingAgainToADecisionsInstantDoesNotDecideADateRewardAgain() {
    CompiledProgram p = LoyaltyRules.compile(sephora(TierDowngrade.TO_EARNED)
        .earnRule(new EarnRule.DateReward(org.loyaltyrules.core.RuleId.of("vib-bday"),
            RuleSettings.defaults().audience(Audience.everyone().withTiers(Set.of(VIB))),
            EarnRule.DateReward.Occasion.BIRTHDAY, Grant.points(POINTS, 500), false))
        .build());
    Member m = ana().withProfile(MemberProfile.empty().withBirthday(LocalDate.of(1990, 6, 1)));
    Instant birthday = LocalDate.of(2026, 6, 1).atStartOfDay(ZONE).toInstant();

    Decision bought = p.decide(STATE, m, order("p-1", birthday, "400"), birthday, RANDOM);
    assertThat(bought.member().tierId()).contains(VIB);
    long points = bought.member().available(POINTS);

    Decision again = p.advance(STATE, bought.member(), birthday);

    assertThat(again.effects()).as("advancing to the decision's own instant").isEmpty();
    assertThat(again.member().available(POINTS)).isEqualTo(points);
  }

  @Test
  void aRefundDatedBeforeItsPaymentIsRefused() {
    CompiledProgram shop = shop(Dividend.ReturnPolicy.KEEP);
    Member joined = decide(shop, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 2, 1), MONTHLY, Money.of("15", "USD"))).member();
    org.loyaltyrules.core.activity.MembershipFeeRefund early =
        new org.loyaltyrules.core.activity.MembershipFeeRefund(ActivityId.of("rf-1"),
            at(2026, 1, 20), MONTHLY, Money.of("15", "USD"), ActivityId.of("fee-1"));

    assertThatThrownBy(() -> shop.decide(STATE, joined, early, at(2026, 2, 2), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rf-1");
  }

  @Test
  void aReviewAnnouncesMovingAMemberOffATierTheLadderNoLongerHas() {
    CompiledProgram v1 = LoyaltyRules.compile(sephora(TierDowngrade.TO_EARNED).build());
    Member rouge = decide(v1, ana(), order("p-1", at(2026, 3, 1), "1000")).member();
    assertThat(rouge.tierId()).contains(ROUGE);
    CompiledProgram v2 = LoyaltyRules.compile(Program.builder(ProgramId.of("sephora"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "USD")))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
            Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350))))
        .build());

    Decision reviewed = v2.advance(STATE, rouge, at(2027, 1, 2));

    assertThat(reviewed.member().tierId()).contains(INSIDER);
    assertThat(reviewed.effects()).as("the tier changed, so the decision must say so")
        .contains(new Effect.TierChanged(Optional.of(ROUGE), INSIDER));
  }

  @Test
  void inAGracePeriodTheProjectionGivesTheReviewAsTheDeadline() {
    CompiledProgram graceful = LoyaltyRules.compile(Program.builder(ProgramId.of("sephora"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
                Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350)))
            .withGrace(Period.ofMonths(2)))
        .build());
    Member vib = decide(graceful, ana(), order("p-1", at(2026, 3, 1), "400")).member();
    Instant february2028 = at(2028, 2, 1);

    TierProgress progress = graceful.tierProgress(STATE, vib, february2028);

    assertThat(progress.tier()).isEqualTo(VIB);
    assertThat(progress.toKeep()).isEqualByComparingTo("350");
    Instant review = LocalDate.of(2028, 3, 1).atStartOfDay(ZONE).toInstant();
    assertThat(progress.validThrough()).contains(review);
    assertThat(progress.periodEnds())
        .as("2027 holds nothing: $350 is needed by the review on 1 March 2028, not by 2029")
        .isEqualTo(review);
  }

  @Test
  void anEntryBonusIsGivenOncePerPeriodOfTheCreditThatEarnedIt() {
    CompiledProgram graceful = LoyaltyRules.compile(sephora(TierDowngrade.TO_EARNED)
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
                Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350)
                    .withEntryBonus(Grant.points(POINTS, 100))))
            .withGrace(Period.ofMonths(2)))
        .build());
    // Reported in February 2027, in the grace period of 2026's review: it reaches VIB on 2026.
    Member m = graceful.decide(STATE, ana(), order("p-1", at(2026, 12, 20), "400"),
        at(2027, 2, 10), RANDOM).member();
    assertThat(m.tierId()).contains(VIB);
    m = decide(graceful, m, returnOf("r-1", at(2027, 2, 12), "p-1", "l1")).member();
    assertThat(m.available(POINTS)).as("the points taken back, the entry bonus kept")
        .isEqualTo(100);
    m = graceful.advance(STATE, m, at(2027, 3, 2)).member();
    assertThat(m.tierId()).contains(INSIDER);

    Decision again = decide(graceful, m, order("p-2", at(2027, 6, 1), "350"));

    assertThat(again.member().tierId()).contains(VIB);
    assertThat(again.member().available(POINTS))
        .as("100 kept + 350 + reaching VIB again on 2027's credit gives 2027's entry bonus")
        .isEqualTo(550);
  }
}
