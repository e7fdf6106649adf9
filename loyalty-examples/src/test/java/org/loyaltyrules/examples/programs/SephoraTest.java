package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyrules.examples.programs.Sephora.INSIDER;
import static org.loyaltyrules.examples.programs.Sephora.POINTS;
import static org.loyaltyrules.examples.programs.Sephora.ROUGE;
import static org.loyaltyrules.examples.programs.Sephora.VIB;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.TierProgress;

/** Sephora Beauty Insider's published figures, decided by the library. */
class SephoraTest {
  private static final CompiledProgram SEPHORA = LoyaltyRules.compile(Sephora.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(Sephora.ZONE).toInstant();
  }

  private static Instant at(int year, int month, int day) {
    return at(year, month, day, 12, 0);
  }

  /** Midnight opening January 1 of {@code year}, when the year before closes. */
  private static Instant newYear(int year) {
    return at(year, 1, 1, 0, 0);
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(2026, 1, 5));
  }

  private static Decision buy(Member member, String id, Instant at, String... prices) {
    Purchase.Builder b = Purchase.builder(ActivityId.of(id), at);
    for (int i = 0; i < prices.length; i++) {
      b.line(PurchaseLine.of("l" + (i + 1), "sku-" + (i + 1), "makeup", 1,
          Money.of(prices[i], "USD")));
    }
    return SEPHORA.decide(STATE, member, b.build(), at, RANDOM);
  }

  private static Decision giveBack(Member member, String id, Instant at, String purchase,
      String line) {
    return SEPHORA.decide(STATE, member, Return.of(ActivityId.of(id), at,
        ActivityId.of(purchase), List.of(ReturnLine.of(line, 1))), at, RANDOM);
  }

  private static Member advance(Member member, Instant to) {
    return SEPHORA.advance(STATE, member, to).member();
  }

  private static List<Effect.TierChanged> tierChanges(Decision d) {
    return d.effects(Effect.TierChanged.class);
  }

  @Test
  void threeTiersBySpendInTheCalendarYear() {
    TierLadder ladder = Sephora.program().tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.SPEND);
    assertThat(ladder.window()).isEqualTo(QualificationWindow.calendarYear());
    assertThat(ladder.downgrade()).isEqualTo(TierDowngrade.TO_EARNED);
    assertThat(ladder.grace()).isEqualTo(Period.ZERO);
    assertThat(ladder.tiers()).extracting(Tier::id).containsExactly(INSIDER, VIB, ROUGE);
    assertThat(ladder.tiers()).extracting(Tier::name).containsExactly("Insider", "VIB", "Rouge");
    assertThat(ladder.tiers()).extracting(t -> t.threshold().longValueExact())
        .containsExactly(0L, 350L, 1000L);
    assertThat(Sephora.program().unit(POINTS).isRedeemable()).isTrue();
  }

  @Test
  void onePointPerDollarRoundedDown() {
    Decision d = buy(ana(), "p-1", at(2026, 3, 1), "40.99");

    assertThat(d.member().available(POINTS)).isEqualTo(40);
    assertThat(d.effects(Effect.PointsEarned.class)).singleElement().satisfies(e -> {
      assertThat(e.rule()).contains(Sephora.BASE_RATE);
      assertThat(e.points()).isEqualTo(40);
    });
  }

  @Test
  void everyMemberStartsAsAnInsider() {
    Decision first = buy(ana(), "p-1", at(2026, 3, 1), "20.00");

    assertThat(first.member().tierId()).contains(INSIDER);
    assertThat(tierChanges(first)).containsExactly(new Effect.TierChanged(Optional.empty(),
        INSIDER));
    assertThat(first.member().tier().orElseThrow().validThrough()).as("the base never lapses")
        .isEmpty();
  }

  @Test
  void vibOnTheSecondPurchaseWhen349_99ThenOneCentReach350InOneYear() {
    Decision first = buy(ana(), "p-1", at(2026, 3, 1), "349.99");

    assertThat(first.member().tierId()).as("$349.99 is short of $350").contains(INSIDER);
    assertThat(tierChanges(first)).containsExactly(new Effect.TierChanged(Optional.empty(),
        INSIDER));
    assertThat(SEPHORA.tierProgress(STATE, first.member(), at(2026, 3, 1)).toNext())
        .isEqualByComparingTo("0.01");

    Decision second = buy(first.member(), "p-2", at(2026, 9, 14), "0.01");

    assertThat(second.member().tierId()).contains(VIB);
    assertThat(tierChanges(second)).containsExactly(new Effect.TierChanged(Optional.of(INSIDER),
        VIB));
    assertThat(second.member().tier().orElseThrow().since()).isEqualTo(at(2026, 9, 14));
    assertThat(second.member().tier().orElseThrow().validThrough())
        .as("held at least until 2026 closes").contains(newYear(2027));
    assertThat(second.member().available(POINTS)).as("349 + 0, rounded down").isEqualTo(349);
  }

  @Test
  void spendInDifferentYearsDoesNotAddUp() {
    Member m = buy(ana(), "p-1", at(2026, 12, 31, 23, 0), "349.99").member();

    Decision nextYear = buy(m, "p-2", at(2027, 1, 1, 9, 0), "0.01");

    assertThat(nextYear.member().tierId()).contains(INSIDER);
    assertThat(SEPHORA.tierProgress(STATE, nextYear.member(), at(2027, 1, 1, 9, 0)).credit())
        .isEqualByComparingTo("0.01");
  }

  @Test
  void rougeAtAThousandDollars() {
    Decision vib = buy(ana(), "p-1", at(2026, 3, 1), "999.99");
    assertThat(vib.member().tierId()).contains(VIB);

    Decision rouge = buy(vib.member(), "p-2", at(2026, 3, 2), "0.01");

    assertThat(rouge.member().tierId()).contains(ROUGE);
    assertThat(tierChanges(rouge)).containsExactly(new Effect.TierChanged(Optional.of(VIB),
        ROUGE));
    TierProgress top = SEPHORA.tierProgress(STATE, rouge.member(), at(2026, 3, 2));
    assertThat(top.next()).as("Rouge is the top").isEmpty();
    assertThat(top.toNext()).isEqualByComparingTo("0");
    assertThat(top.credit()).isEqualByComparingTo("1000");

    Decision atOnce = buy(ana(), "p-1", at(2026, 3, 1), "1000.00");
    assertThat(atOnce.member().tierId()).as("straight from Insider").contains(ROUGE);
    assertThat(tierChanges(atOnce)).containsExactly(
        new Effect.TierChanged(Optional.empty(), INSIDER),
        new Effect.TierChanged(Optional.of(INSIDER), ROUGE));
  }

  @Test
  void vibEarnedInAYearHoldsThroughTheNextAndIsLostAtItsCloseWithoutNewSpend() {
    Member vib = buy(ana(), "p-1", at(2026, 3, 1), "400.00").member();

    Decision review2027 = SEPHORA.advance(STATE, vib, newYear(2027));
    assertThat(review2027.member().tierId()).as("earned in 2026, kept for 2027").contains(VIB);
    assertThat(tierChanges(review2027)).isEmpty();
    assertThat(review2027.member().tier().orElseThrow().validThrough())
        .contains(newYear(2028));
    Member lastMinute = advance(review2027.member(), at(2027, 12, 31, 23, 59));
    assertThat(lastMinute.tierId()).as("all of 2027").contains(VIB);

    Decision review2028 = SEPHORA.advance(STATE, lastMinute, newYear(2028));

    assertThat(review2028.member().tierId()).contains(INSIDER);
    assertThat(review2028.effects()).containsExactly(new Effect.TierChanged(Optional.of(VIB),
        INSIDER));
    assertThat(review2028.member().available(POINTS)).as("the points stay").isEqualTo(400);
  }

  @Test
  void spendingAgainInTheNextYearKeepsVibForTheYearAfter() {
    Member vib = buy(ana(), "p-1", at(2026, 3, 1), "400.00").member();
    Member in2027 = buy(advance(vib, at(2027, 6, 1)), "p-2", at(2027, 6, 1), "350.00").member();

    Member in2028 = advance(in2027, at(2028, 6, 1));

    assertThat(in2028.tierId()).contains(VIB);
  }

  @Test
  void aReturnThatDropsTheYearBelow350HoldsVibUntilTheYearClosesThenInsiderNextYear() {
    Decision bought = buy(ana(), "p-1", at(2026, 3, 1), "250.00", "100.00");
    assertThat(bought.member().tierId()).contains(VIB);

    Decision returned = giveBack(bought.member(), "r-1", at(2026, 11, 20), "p-1", "l2");

    assertThat(returned.member().tierId()).as("status holds until the review").contains(VIB);
    assertThat(tierChanges(returned)).isEmpty();
    assertThat(returned.member().available(POINTS)).as("the $100's points go back")
        .isEqualTo(250);
    TierProgress afterReturn = SEPHORA.tierProgress(STATE, returned.member(), at(2026, 11, 20));
    assertThat(afterReturn.credit()).as("the credit goes back at once")
        .isEqualByComparingTo("250");
    assertThat(afterReturn.toKeep()).as("$100 more by December 31 keeps VIB")
        .isEqualByComparingTo("100");
    Member december31 = advance(returned.member(), at(2026, 12, 31, 23, 59));
    assertThat(december31.tierId()).contains(VIB);

    Decision review = SEPHORA.advance(STATE, december31, newYear(2027));

    assertThat(review.member().tierId()).as("no VIB for 2027").contains(INSIDER);
    assertThat(review.effects()).containsExactly(new Effect.TierChanged(Optional.of(VIB),
        INSIDER));
    Member midYear = advance(review.member(), at(2027, 7, 1));
    assertThat(midYear.tierId()).as("Insider through 2027").contains(INSIDER);
    assertThat(SEPHORA.tierProgress(STATE, midYear, at(2027, 7, 1)).toNext())
        .isEqualByComparingTo("350");
  }

  @Test
  void aReturnThatLeavesTheYearAt350KeepsVibForTheNextYear() {
    Member vib = buy(ana(), "p-1", at(2026, 3, 1), "350.00", "50.00").member();

    Member returned = giveBack(vib, "r-1", at(2026, 11, 20), "p-1", "l2").member();
    Member in2027 = advance(returned, at(2027, 7, 1));

    assertThat(in2027.tierId()).contains(VIB);
  }

  @Test
  void theProjectionSaysHowMuchMoreKeepsVibAndReachesRouge() {
    Member vib = buy(ana(), "p-1", at(2026, 3, 1), "400.00").member();

    TierProgress in2026 = SEPHORA.tierProgress(STATE, vib, at(2026, 3, 1));
    assertThat(in2026.tier()).isEqualTo(VIB);
    assertThat(in2026.credit()).isEqualByComparingTo("400");
    assertThat(in2026.toKeep()).as("2026 already reaches $350").isEqualByComparingTo("0");
    assertThat(in2026.next()).contains(ROUGE);
    assertThat(in2026.toNext()).as("$600 more to reach Rouge").isEqualByComparingTo("600");

    Member in2027 = buy(advance(vib, at(2027, 2, 1)), "p-2", at(2027, 2, 1), "100.00").member();
    TierProgress progress = SEPHORA.tierProgress(STATE, in2027, at(2027, 2, 1));

    assertThat(progress.tier()).isEqualTo(VIB);
    assertThat(progress.metric()).isEqualTo(TierMetric.SPEND);
    assertThat(progress.credit()).as("2027's spend").isEqualByComparingTo("100");
    assertThat(progress.toKeep()).as("$250 more in 2027 to keep VIB for 2028")
        .isEqualByComparingTo("250");
    assertThat(progress.next()).contains(ROUGE);
    assertThat(progress.toNext()).as("$900 more to reach Rouge").isEqualByComparingTo("900");
    assertThat(progress.periodEnds()).isEqualTo(newYear(2028));
    assertThat(progress.validThrough()).contains(newYear(2028));
    assertThat(in2027.tierId()).as("the projection changes nothing").contains(VIB);
  }
}
