package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.EarnRule;

/** Tier qualification, reviews, grace, entry bonuses and the projection, with Sephora's figures. */
class TierQualificationTest {
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final UnitId POINTS = UnitId.of("points");
  private static final UnitId TIER_POINTS = UnitId.of("tier-points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final TierId INSIDER = TierId.of("insider");
  private static final TierId VIB = TierId.of("vib");
  private static final TierId ROUGE = TierId.of("rouge");

  private static Program sephora(TierDowngrade downgrade, Period grace) {
    return Program.builder(ProgramId.of("sephora"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .earnRule(EarnRule.Rate.of("base", POINTS, 1, Money.of("1", "USD")))
        .tiers(TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
                Tier.of("insider", "Insider", 0), Tier.of("vib", "VIB", 350)
                    .withEntryBonus(Grant.points(POINTS, 100)),
                Tier.of("rouge", "Rouge", 1000).withPerks(Set.of("free-shipping"))))
            .withDowngrade(downgrade).withGrace(grace))
        .build();
  }

  private static final CompiledProgram SEPHORA = LoyaltyRules.compile(
      sephora(TierDowngrade.TO_EARNED, Period.ZERO));

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ZONE).toInstant();
  }

  private static Purchase order(String id, Instant at, String amount) {
    return Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "sku", "beauty", 1, Money.of(amount, "USD"))).build();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(2026, 1, 5));
  }

  private static Decision buy(CompiledProgram p, Member m, String id, Instant at, String amount) {
    return p.decide(STATE, m, order(id, at, amount), at, RANDOM);
  }

  @Test
  void theSecondPurchaseReachingVibUpgradesAtOnceWithTheEntryBonus() {
    Decision first = buy(SEPHORA, ana(), "p-1", at(2026, 3, 1), "349.99");
    assertThat(first.member().tierId()).contains(INSIDER);
    assertThat(first.effects()).contains(new Effect.TierChanged(Optional.empty(), INSIDER));

    Decision second = buy(SEPHORA, first.member(), "p-2", at(2026, 3, 2), "0.01");

    assertThat(second.member().tierId()).contains(VIB);
    assertThat(second.effects()).contains(new Effect.TierChanged(Optional.of(INSIDER), VIB));
    assertThat(second.member().tier().orElseThrow().validThrough())
        .as("reviewed when 2026 closes").contains(at(2027, 1, 1).minusSeconds(12 * 3600));
    assertThat(second.member().available(POINTS)).as("349 + 0 + 100 entry bonus").isEqualTo(449);
  }

  @Test
  void aTierEarnedInOneYearHoldsThroughTheNextAndIsLostWithoutRequalifying() {
    Member vib = buy(SEPHORA, ana(), "p-1", at(2026, 3, 1), "400").member();
    Member in2027 = SEPHORA.advance(STATE, vib, at(2027, 6, 1)).member();
    assertThat(in2027.tierId()).as("earned in 2026, kept for 2027").contains(VIB);

    Decision close2027 = SEPHORA.advance(STATE, in2027, at(2028, 1, 2));

    assertThat(close2027.member().tierId()).contains(INSIDER);
    assertThat(close2027.effects()).containsExactly(new Effect.TierChanged(Optional.of(VIB),
        INSIDER));
  }

  @Test
  void aReturnTakesCreditBackAtOnceButTheStatusHoldsUntilTheYearCloses() {
    Member vib = buy(SEPHORA, ana(), "p-1", at(2026, 3, 1), "349.99").member();
    vib = buy(SEPHORA, vib, "p-2", at(2026, 3, 2), "0.01").member();

    Decision returned = SEPHORA.decide(STATE, vib, Return.of(ActivityId.of("r-1"),
        at(2026, 4, 1), ActivityId.of("p-2"), List.of(ReturnLine.of("l1", 1))), at(2026, 4, 1),
        RANDOM);

    assertThat(returned.member().tierId()).as("held until the period closes").contains(VIB);
    assertThat(SEPHORA.tierProgress(STATE, returned.member(), at(2026, 4, 1)).credit())
        .isEqualByComparingTo("349.99");
    Member next = SEPHORA.advance(STATE, returned.member(), at(2027, 1, 1)).member();
    assertThat(next.tierId()).as("decided on the credit that remains").contains(INSIDER);
  }

  @Test
  void oneStepDowngradesFallOneTierAtEachReview() {
    CompiledProgram soft = LoyaltyRules.compile(sephora(TierDowngrade.ONE_STEP, Period.ZERO));
    Member rouge = buy(soft, ana(), "p-1", at(2026, 3, 1), "1200").member();
    assertThat(rouge.tierId()).contains(ROUGE);

    Member in2028 = soft.advance(STATE, rouge, at(2028, 1, 1)).member();
    assertThat(in2028.tierId()).as("one step at the close of 2027").contains(VIB);
    Member in2029 = soft.advance(STATE, in2028, at(2029, 1, 1)).member();
    assertThat(in2029.tierId()).contains(INSIDER);
  }

  @Test
  void aGracePeriodDelaysTheReviewAndRequalifyingInItKeepsTheTier() {
    CompiledProgram graceful = LoyaltyRules.compile(sephora(TierDowngrade.TO_EARNED,
        Period.ofMonths(2)));
    Member vib = buy(graceful, ana(), "p-1", at(2026, 3, 1), "400").member();

    Member february2028 = graceful.advance(STATE, vib, at(2028, 2, 15)).member();
    assertThat(february2028.tierId()).as("still in the grace period").contains(VIB);
    Member requalified = buy(graceful, february2028, "p-2", at(2028, 2, 20), "350").member();
    Member march2028 = graceful.advance(STATE, requalified, at(2028, 3, 2)).member();
    assertThat(march2028.tierId()).as("requalified on 2028's credit").contains(VIB);

    Member lapsed = graceful.advance(STATE, february2028, at(2028, 3, 2)).member();
    assertThat(lapsed.tierId()).contains(INSIDER);
  }

  @Test
  void tierPerksComeWithEveryPurchase() {
    Member rouge = buy(SEPHORA, ana(), "p-1", at(2026, 3, 1), "1000").member();

    Decision next = buy(SEPHORA, rouge, "p-2", at(2026, 3, 5), "20");

    assertThat(next.effects()).contains(new Effect.PerkGranted("free-shipping", "tier rouge"));
  }

  @Test
  void statusPointsCountPointsEarnedAndAdjustedNotTheBalance() {
    CompiledProgram virgin = LoyaltyRules.compile(Program.builder(ProgramId.of("flying-club"),
            Money.currency("GBP"), ZoneId.of("Europe/London"))
        .unit(PointUnit.redeemable("miles", "Miles"))
        .unit(PointUnit.statusOnly("tier-points", "Tier points"))
        .earnRule(EarnRule.Rate.of("miles", UnitId.of("miles"), 1, Money.of("1", "GBP")))
        .earnRule(EarnRule.Rate.of("tier-points", TIER_POINTS, 1, Money.of("10", "GBP")))
        .tiers(TierLadder.onStatusPoints(TIER_POINTS, QualificationWindow.rollingMonths(12),
            List.of(Tier.of("red", "Red", 0), Tier.of("silver", "Silver", 400),
                Tier.of("gold", "Gold", 1000))))
        .build());
    ProgramState gbp = ProgramState.initial(Money.currency("GBP"));
    Instant t = Instant.parse("2026-05-01T10:00:00Z");
    Member m = Member.enroll(MemberId.of("vic"), t);
    Purchase flight = Purchase.builder(ActivityId.of("f-1"), t)
        .line(PurchaseLine.of("l1", "LHR-JFK", "flights", 1, Money.of("3900", "GBP"))).build();
    m = virgin.decide(gbp, m, flight, t, RANDOM).member();
    assertThat(m.available(TIER_POINTS)).isEqualTo(390);
    assertThat(m.tierId()).contains(TierId.of("red"));

    Decision adjusted = virgin.decide(gbp, m, new Adjustment(ActivityId.of("a-1"), t,
        TIER_POINTS, 10, "missing segment"), t, RANDOM);

    assertThat(adjusted.member().tierId()).contains(TierId.of("silver"));
    TierProgress progress = virgin.tierProgress(gbp, adjusted.member(), t);
    assertThat(progress.next()).contains(TierId.of("gold"));
    assertThat(progress.toNext()).isEqualByComparingTo("600");
    assertThat(progress.toKeep()).isEqualByComparingTo("0");
  }

  @Test
  void theProjectionSaysWhatIsNeededForTheNextTierAndToKeepTheCurrentOne() {
    Member vib = buy(SEPHORA, ana(), "p-1", at(2026, 3, 1), "400").member();
    Member in2027 = buy(SEPHORA, SEPHORA.advance(STATE, vib, at(2027, 2, 1)).member(), "p-2",
        at(2027, 2, 1), "100").member();

    TierProgress progress = SEPHORA.tierProgress(STATE, in2027, at(2027, 2, 1));

    assertThat(progress.tier()).isEqualTo(VIB);
    assertThat(progress.credit()).isEqualByComparingTo("100");
    assertThat(progress.next()).contains(ROUGE);
    assertThat(progress.toNext()).isEqualByComparingTo("900");
    assertThat(progress.toKeep()).as("350 by the close of 2027").isEqualByComparingTo("250");
    assertThat(progress.periodEnds()).isEqualTo(at(2028, 1, 1).minusSeconds(12 * 3600));
    assertThat(progress.validThrough()).contains(at(2028, 1, 1).minusSeconds(12 * 3600));
    assertThat(in2027.tierId()).as("the projection changes nothing").contains(VIB);
  }

  @Test
  void returningInJanuaryWhatKeptTheTierAtTheYearsCloseDecidesThatReviewAgain() {
    Member m = buy(SEPHORA, ana(), "p-1", at(2026, 12, 20), "250").member();
    m = buy(SEPHORA, m, "p-2", at(2026, 12, 20), "100").member();
    m = SEPHORA.advance(STATE, m, at(2027, 1, 5)).member();
    assertThat(m.tierId()).as("2026's $350 kept VIB").contains(VIB);

    Decision returned = SEPHORA.decide(STATE, m, Return.of(ActivityId.of("r-1"),
        at(2027, 1, 10), ActivityId.of("p-2"), List.of(ReturnLine.of("l1", 1))),
        at(2027, 1, 10), RANDOM);

    assertThat(returned.member().tierId()).contains(INSIDER);
    assertThat(returned.effects()).contains(new Effect.TierChanged(Optional.of(VIB), INSIDER));
  }
}
