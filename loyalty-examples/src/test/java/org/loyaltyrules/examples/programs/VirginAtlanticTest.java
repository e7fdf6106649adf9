package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.VirginAtlantic.EVERYDAY;
import static org.loyaltyrules.examples.programs.VirginAtlantic.FLIGHTS;
import static org.loyaltyrules.examples.programs.VirginAtlantic.GOLD;
import static org.loyaltyrules.examples.programs.VirginAtlantic.MILES;
import static org.loyaltyrules.examples.programs.VirginAtlantic.RED;
import static org.loyaltyrules.examples.programs.VirginAtlantic.SILVER;
import static org.loyaltyrules.examples.programs.VirginAtlantic.TIER_POINTS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.TierProgress;

/** Virgin Atlantic Flying Club's published figures, decided by the library. */
class VirginAtlanticTest {
  private static final CompiledProgram VIRGIN = LoyaltyRules.compile(VirginAtlantic.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("GBP"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);

  private static Instant at(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(VirginAtlantic.ZONE).toInstant();
  }

  private static Instant at(int year, int month, int day) {
    return at(year, month, day, 12);
  }

  private static Member vic() {
    return Member.enroll(MemberId.of("vic"), at(2026, 5, 1));
  }

  private static Decision buy(Member member, String id, Instant at, String category,
      String pounds) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", category + "-" + id, category, 1, Money.of(pounds, "GBP")))
        .build();
    return VIRGIN.decide(STATE, member, purchase, at, RANDOM);
  }

  private static Decision fly(Member member, String id, Instant at, String fare) {
    return buy(member, id, at, FLIGHTS, fare);
  }

  private static long granted(Decision d, RuleId rule) {
    return d.trace().stream().filter(t -> t.rule().equals(rule))
        .mapToLong(TraceEntry::granted).sum();
  }

  private static List<Effect.TierChanged> tierChanges(Decision d) {
    return d.effects(Effect.TierChanged.class);
  }

  @Test
  void twoUnitsMilesToSpendAndTierPointsForStatus() {
    Program program = VirginAtlantic.program();
    assertThat(program.units().keySet()).containsExactly(MILES, TIER_POINTS);
    assertThat(program.unit(MILES).isRedeemable()).isTrue();
    assertThat(program.unit(TIER_POINTS).isRedeemable()).isFalse();
    assertThat(program.reward(VirginAtlantic.REWARD_FLIGHT).unit()).isEqualTo(MILES);
    assertThat(program.reward(VirginAtlantic.REWARD_FLIGHT).cost()).isEqualTo(10_000);
  }

  @Test
  void threeTiersOnTierPointsOverARolling12Months() {
    TierLadder ladder = VirginAtlantic.program().tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.STATUS_POINTS);
    assertThat(ladder.statusUnit()).contains(TIER_POINTS);
    assertThat(ladder.window()).isEqualTo(QualificationWindow.rollingMonths(12));
    assertThat(ladder.tiers()).extracting(Tier::id).containsExactly(RED, SILVER, GOLD);
    assertThat(ladder.tiers()).extracting(t -> t.threshold().longValueExact())
        .containsExactly(0L, 400L, 1000L);
  }

  @Test
  void aFlightEarnsFiveMilesPerPoundAndATierPointPerTenPounds() {
    Decision d = fly(vic(), "f-1", at(2026, 5, 10), "389.99");

    assertThat(granted(d, VirginAtlantic.FLIGHT_MILES)).as("5 x 389.99 = 1,949.95")
        .isEqualTo(1_949);
    assertThat(granted(d, VirginAtlantic.FLIGHT_TIER_POINTS)).as("389.99 / 10").isEqualTo(38);
    assertThat(d.member().available(MILES)).isEqualTo(1_949);
    assertThat(d.member().available(TIER_POINTS)).isEqualTo(38);
    assertThat(granted(d, VirginAtlantic.EVERYDAY_MILES)).isZero();
    assertThat(granted(d, VirginAtlantic.EVERYDAY_TIER_POINTS)).isZero();
  }

  @Test
  void everydayPurchasesEarnAMilePerPoundAndATierPointPerHundredPounds() {
    Decision d = buy(vic(), "e-1", at(2026, 5, 10), EVERYDAY, "250.00");

    assertThat(d.member().available(MILES)).isEqualTo(250);
    assertThat(d.member().available(TIER_POINTS)).as("250 / 100, rounded down").isEqualTo(2);
    assertThat(granted(d, VirginAtlantic.EVERYDAY_MILES)).isEqualTo(250);
    assertThat(granted(d, VirginAtlantic.EVERYDAY_TIER_POINTS)).isEqualTo(2);

    Decision other = buy(vic(), "o-1", at(2026, 5, 10), "hotels", "250.00");
    assertThat(other.member().available(MILES)).as("only flights and everyday lines earn")
        .isZero();
    assertThat(other.member().available(TIER_POINTS)).isZero();
  }

  @Test
  void bothBalancesAfterFlightsAndSilverAt400TierPoints() {
    Decision outbound = fly(vic(), "f-1", at(2026, 5, 10), "2500.00");
    assertThat(outbound.member().available(MILES)).isEqualTo(12_500);
    assertThat(outbound.member().available(TIER_POINTS)).isEqualTo(250);
    assertThat(outbound.member().tierId()).contains(RED);

    Decision back = fly(outbound.member(), "f-2", at(2026, 5, 20), "1499.00");
    assertThat(back.member().available(MILES)).isEqualTo(12_500 + 7_495);
    assertThat(back.member().available(TIER_POINTS)).isEqualTo(250 + 149);
    assertThat(back.member().tierId()).as("399 tier points").contains(RED);
    assertThat(tierChanges(back)).isEmpty();
    assertThat(VIRGIN.tierProgress(STATE, back.member(), at(2026, 5, 20)).toNext())
        .isEqualByComparingTo("1");

    Decision silver = buy(back.member(), "e-1", at(2026, 5, 21), EVERYDAY, "100.00");

    assertThat(silver.member().available(TIER_POINTS)).isEqualTo(400);
    assertThat(silver.member().available(MILES)).isEqualTo(19_995 + 100);
    assertThat(silver.member().tierId()).contains(SILVER);
    assertThat(tierChanges(silver)).containsExactly(new Effect.TierChanged(Optional.of(RED),
        SILVER));
    TierProgress progress = VIRGIN.tierProgress(STATE, silver.member(), at(2026, 5, 21));
    assertThat(progress.credit()).isEqualByComparingTo("400");
    assertThat(progress.next()).contains(GOLD);
    assertThat(progress.toNext()).isEqualByComparingTo("600");
    assertThat(progress.toKeep()).isEqualByComparingTo("0");
  }

  @Test
  void goldAtAThousandTierPoints() {
    Member silver = fly(vic(), "f-1", at(2026, 5, 10), "4000.00").member();
    assertThat(silver.tierId()).contains(SILVER);

    Decision almost = fly(silver, "f-2", at(2026, 6, 10), "5990.00");
    assertThat(almost.member().available(TIER_POINTS)).isEqualTo(999);
    assertThat(almost.member().tierId()).contains(SILVER);

    Decision gold = fly(almost.member(), "f-3", at(2026, 7, 10), "10.00");

    assertThat(gold.member().available(TIER_POINTS)).isEqualTo(1_000);
    assertThat(gold.member().available(MILES)).isEqualTo(5 * (4_000 + 5_990 + 10));
    assertThat(gold.member().tierId()).contains(GOLD);
    assertThat(tierChanges(gold)).containsExactly(new Effect.TierChanged(Optional.of(SILVER),
        GOLD));
    Member straight = fly(vic(), "f-1", at(2026, 5, 10), "10000.00").member();
    assertThat(straight.tierId()).as("1,000 tier points in one flight").contains(GOLD);
  }

  @Test
  void spendingMilesOnARewardFlightLeavesTierPointsAndTheTierUntouched() {
    Member gold = fly(vic(), "f-1", at(2026, 5, 10), "10000.00").member();
    assertThat(gold.available(MILES)).isEqualTo(50_000);
    assertThat(gold.available(TIER_POINTS)).isEqualTo(1_000);

    Decision redeemed = VIRGIN.decide(STATE, gold, RedeemReward.of(ActivityId.of("rf-1"),
        at(2026, 6, 1), VirginAtlantic.REWARD_FLIGHT), at(2026, 6, 1), RANDOM);

    assertThat(redeemed.effects()).contains(new Effect.RewardRedeemed(
        VirginAtlantic.REWARD_FLIGHT, 1, MILES, 10_000));
    assertThat(redeemed.member().available(MILES)).isEqualTo(40_000);
    assertThat(redeemed.member().available(TIER_POINTS)).isEqualTo(1_000);
    assertThat(redeemed.member().tierId()).contains(GOLD);
    assertThat(tierChanges(redeemed)).isEmpty();
    assertThat(VIRGIN.tierProgress(STATE, redeemed.member(), at(2026, 6, 1)).credit())
        .as("the window's tier points").isEqualByComparingTo("1000");
  }

  @Test
  void tierPointsCannotBeSpent() {
    Member gold = fly(vic(), "f-1", at(2026, 5, 10), "10000.00").member();

    // the ledger refuses any spending of a status-only unit, whatever the balance
    LedgerTransaction tx = gold.ledger().begin(VirginAtlantic.program().ledgerPolicy(),
        ActivityId.of("spend-tp"), at(2026, 6, 1), at(2026, 6, 1));
    assertThatThrownBy(() -> tx.redeem(TIER_POINTS, 100, Attribution.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity spend-tp: unit tier-points is status-only and cannot be spent");

    // and a program cannot price a reward in tier points
    assertThatThrownBy(() -> Program.builder(VirginAtlantic.ID, Money.currency("GBP"),
            VirginAtlantic.ZONE)
        .unit(PointUnit.redeemable("miles", "Miles"))
        .unit(PointUnit.statusOnly("tier-points", "Tier points"))
        .reward(Reward.of("upgrade", "Upgrade", TIER_POINTS, 100, RewardKind.FREE_ITEM))
        .build())
        .isInstanceOfSatisfying(InvalidProgramException.class, e ->
            assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rewards[0].unit",
                    "unit 'tier-points' is status-only and cannot pay for a reward")));
  }

  @Test
  void aRewardFlightNeedsTheMilesWhateverTheTierPoints() {
    Member m = fly(vic(), "f-1", at(2026, 5, 10), "1999.00").member();
    assertThat(m.available(MILES)).isEqualTo(9_995);

    assertThatThrownBy(() -> VIRGIN.decide(STATE, m, RedeemReward.of(ActivityId.of("rf-1"),
        at(2026, 6, 1), VirginAtlantic.REWARD_FLIGHT), at(2026, 6, 1), RANDOM))
        .isInstanceOf(InsufficientPointsException.class);
    assertThat(m.available(TIER_POINTS)).isEqualTo(199);
  }

  @Test
  void silverHoldsWhileTheRolling12MonthsReachIt() {
    Member silver = fly(vic(), "f-1", at(2026, 5, 10), "4000.00").member();
    assertThat(silver.tier().orElseThrow().validThrough()).as("reviewed each first of the month")
        .contains(at(2026, 6, 1, 0));

    Member may2027 = VIRGIN.advance(STATE, silver, at(2027, 5, 31, 23)).member();
    assertThat(may2027.tierId()).as("the window that closed, May 2026 to April 2027, holds 400")
        .contains(SILVER);

    Decision june2027 = VIRGIN.advance(STATE, may2027, at(2027, 6, 1, 0));

    assertThat(june2027.member().tierId()).contains(RED);
    assertThat(june2027.effects()).containsExactly(new Effect.TierChanged(Optional.of(SILVER),
        RED));
    assertThat(june2027.member().available(TIER_POINTS))
        .as("the balance is what was ever earned; the tier counts the window").isEqualTo(400);
    assertThat(june2027.member().available(MILES)).isEqualTo(20_000);
  }
}
