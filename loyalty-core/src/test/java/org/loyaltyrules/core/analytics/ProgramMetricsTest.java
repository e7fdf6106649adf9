package org.loyaltyrules.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.CREDITS;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.POINTS;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.act;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.advance;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.day;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.member.Member;

/** Every metric against figures computed by hand; the arithmetic is in the comments. */
class ProgramMetricsTest {
  private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Set<MemberId> ACTIVE_BEFORE =
      ids("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
  private static final Set<MemberId> ACTIVE_AFTER =
      ids("a", "b", "c", "d", "e", "f", "g", "h", "x", "y");

  /**
   * Member a, unit points (pending 3 days, expiring 30 days after earning):
   *
   * <pre>
   * 01-01 earn 100 (lot 1, expires 01-31)          issued 100
   * 01-02 earn 50  (lot 2, expires 02-01)          issued 150
   * 01-10 redeem 60 (from lot 1, 40 left)          redeemed 60
   * 01-12 donate 10 (lot 1, 30 left)               redeemed 70
   * 01-15 restore 20 of the 01-10 redemption       redeemed 50 (lot 1: 50 left)
   * 01-16 adjust -5 (a debit, not a redemption)    (lot 1: 45 left)
   * 01-17 adjust +25 (lot 3, expires 02-16)        issued 175
   * 01-20 reverse 30 of lot 2 (lot 2: 20 left)     reversed 30
   * 02-05 advance: lot 1 expires 45, lot 2 20      expired 65; lot 3 still holds 25
   * </pre>
   *
   * Check: 175 = redeemed 50 + debit 5 + reversed 30 + expired 65 + left 25.
   */
  static Member memberA() {
    AtomicReference<LotId> lot2 = new AtomicReference<>();
    Member m = Member.enroll(MemberId.of("a"), day("01-01"));
    m = act(m, "a-earn-1", day("01-01"), tx -> tx.earn(POINTS, 100, Attribution.none()));
    m = act(m, "a-earn-2", day("01-02"),
        tx -> lot2.set(tx.earn(POINTS, 50, Attribution.none())));
    m = act(m, "a-redeem", day("01-10"), tx -> tx.redeem(POINTS, 60, Attribution.none()));
    m = act(m, "a-donate", day("01-12"),
        tx -> tx.donate(POINTS, 10, CauseId.of("shelter"), Attribution.none()));
    m = act(m, "a-restore", day("01-15"),
        tx -> tx.restoreSpending(ActivityId.of("a-redeem"), POINTS, 20));
    m = act(m, "a-debit", day("01-16"), tx -> tx.adjust(POINTS, -5, "goodwill taken back"));
    m = act(m, "a-credit", day("01-17"), tx -> tx.adjust(POINTS, 25, "goodwill"));
    m = act(m, "a-return", day("01-20"), tx -> tx.reverseEarning(lot2.get(), 30));
    return advance(m, day("02-05"));
  }

  /** Member b: earns 200 points on 01-05 and closes the account on 01-20, forfeiting them. */
  static Member memberB() {
    Member m = Member.enroll(MemberId.of("b"), day("01-01"));
    m = act(m, "b-earn", day("01-05"), tx -> tx.earn(POINTS, 200, Attribution.none()));
    return act(m, "b-close", day("01-20"), tx -> tx.close("moved away"));
  }

  /** Member c: enrolled on 01-01, never does anything. */
  static Member memberC() {
    return Member.enroll(MemberId.of("c"), day("01-01"));
  }

  /** Member d: enrolled on 03-10, after the periods measured, and earns at once. */
  static Member memberD() {
    Member m = Member.enroll(MemberId.of("d"), day("03-10"));
    return act(m, "d-earn", day("03-10"), tx -> tx.earn(POINTS, 70, Attribution.none()));
  }

  @Test
  void wholeHistoryTotalsAndRates() {
    // issued: a 100 + 50 + 25 (credit), b 200 = 375
    // redeemed: a 60 + 10 - 20 = 50; the -5 debit is not a redemption
    // reversed: a 30; expired: a 45 + 20 = 65; forfeited: b 200
    PointTotals totals = ProgramMetrics.pointTotals(
        List.of(memberA(), memberB(), memberC()), POINTS, JAN_1, MAR_1);
    assertThat(totals).isEqualTo(new PointTotals(POINTS, JAN_1, MAR_1, 375, 50, 30, 65, 200));
    assertThat(totals.breakage()).isEqualTo(265);
    // redemption 50 / 375 = 0.1333...; breakage (65 + 200) / 375 = 0.70666...
    assertThat(totals.redemptionRate()).isEqualTo(Ratio.of(50, 375));
    assertThat(totals.redemptionRate().percent(2)).contains(new BigDecimal("13.33"));
    assertThat(totals.breakageRate()).isEqualTo(Ratio.of(265, 375));
    assertThat(totals.breakageRate().percent(2)).contains(new BigDecimal("70.67"));
    assertThat(ProgramMetrics.redemptionRate(List.of(memberA(), memberB()), POINTS, JAN_1,
        MAR_1)).isEqualTo(Ratio.of(50, 375));
    assertThat(ProgramMetrics.breakageRate(List.of(memberA(), memberB()), POINTS, JAN_1,
        MAR_1)).isEqualTo(Ratio.of(265, 375));
  }

  @Test
  void aPeriodCountsOnlyItsOwnPostingsAndMayRedeemMoreThanItIssues() {
    // [01-10, 01-20): a redeems 60, donates 10, gets 20 back: 50; credit +25 is the only
    // issue; b's closure at 01-20 and a's reversal at 01-20 fall outside. 50 / 25 = 2.
    PointTotals totals = ProgramMetrics.pointTotals(List.of(memberA(), memberB()), POINTS,
        day("01-10"), day("01-20"));
    assertThat(totals).isEqualTo(
        new PointTotals(POINTS, day("01-10"), day("01-20"), 25, 50, 0, 0, 0));
    assertThat(totals.redemptionRate().value(0)).contains(new BigDecimal("2"));
  }

  @Test
  void aRestorationInALaterPeriodIsANegativeRedemption() {
    // [01-15, 01-16): only the restoration of 20 points: redeemed -20, nothing issued.
    PointTotals totals = ProgramMetrics.pointTotals(List.of(memberA()), POINTS, day("01-15"),
        day("01-16"));
    assertThat(totals.redeemed()).isEqualTo(-20);
    assertThat(totals.redemptionRate().isDefined()).isFalse();
    assertThat(totals.redemptionRate().percent(1)).isEmpty();
  }

  @Test
  void reversingExpiredPointsTakesThemOutOfBreakage() {
    // earn 100 on 01-01, expires 01-31; a return on 02-10 reverses 40 of the lot, which the
    // ledger takes back from breakage: expired 100 - 40 = 60, reversed 40.
    AtomicReference<LotId> lot = new AtomicReference<>();
    Member m = Member.enroll(MemberId.of("e"), day("01-01"));
    m = act(m, "e-earn", day("01-01"), tx -> lot.set(tx.earn(POINTS, 100, Attribution.none())));
    m = advance(m, day("02-05"));
    Member returned = act(m, "e-return", day("02-10"), tx -> tx.reverseEarning(lot.get(), 40));
    PointTotals totals = ProgramMetrics.pointTotals(List.of(returned), POINTS, JAN_1, MAR_1);
    assertThat(totals).isEqualTo(new PointTotals(POINTS, JAN_1, MAR_1, 100, 0, 40, 60, 0));
    assertThat(totals.breakageRate()).isEqualTo(Ratio.of(60, 100));
  }

  @Test
  void restoringADebitIsNotARedemption() {
    // earn 100, vest; debit 30; give 30 of the debit back: nothing was redeemed.
    Member m = Member.enroll(MemberId.of("f"), day("01-01"));
    m = act(m, "f-earn", day("01-01"), tx -> tx.earn(POINTS, 100, Attribution.none()));
    m = act(m, "f-debit", day("01-05"), tx -> tx.adjust(POINTS, -30, "error"));
    m = act(m, "f-undo", day("01-06"),
        tx -> tx.restoreSpending(ActivityId.of("f-debit"), POINTS, 30));
    assertThat(ProgramMetrics.pointTotals(List.of(m), POINTS, JAN_1, MAR_1).redeemed())
        .isZero();
  }

  @Test
  void otherUnitsAndNoMembersCountNothing() {
    PointTotals totals = ProgramMetrics.pointTotals(List.of(memberA()), CREDITS, JAN_1, MAR_1);
    assertThat(totals).isEqualTo(new PointTotals(CREDITS, JAN_1, MAR_1, 0, 0, 0, 0, 0));
    assertThat(totals.redemptionRate().isDefined()).isFalse();
    assertThat(totals.breakageRate().value(4)).isEmpty();
    assertThat(ProgramMetrics.redemptionRate(List.of(), POINTS, JAN_1, MAR_1).isDefined())
        .isFalse();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> ProgramMetrics.pointTotals(List.of(memberA()), POINTS, MAR_1,
        JAN_1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must end after it starts: 2026-03-01T00:00:00Z to "
            + "2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> ProgramMetrics.pointTotals(List.of(memberA()), null, JAN_1,
        MAR_1)).isInstanceOf(IllegalArgumentException.class).hasMessage(
        "unit must not be null");
    assertThatThrownBy(() -> ProgramMetrics.pointTotals(List.of(memberC(), memberA(),
        memberC()), POINTS, JAN_1, MAR_1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("members[2]: member c is named more than once");
    assertThatThrownBy(() -> ProgramMetrics.pointTotals(Arrays.asList(memberC(), null),
        POINTS, JAN_1, MAR_1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("members[1] must not be null");
    assertThatThrownBy(() -> new PointTotals(POINTS, JAN_1, MAR_1, -1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("point totals: issued must not be negative, was -1");
  }

  @Test
  void membersWhoEarnedOrSpentOverMembersEnrolledBeforeTheEnd() {
    // enrolled before 03-01: a, b, c (d enrolls 03-10). Took part: a and b. 2 / 3.
    List<Member> members = List.of(memberA(), memberB(), memberC(), memberD());
    Ratio rate = ProgramMetrics.participationRate(members, JAN_1, MAR_1);
    assertThat(rate).isEqualTo(Ratio.of(2, 3));
    assertThat(rate.percent(1)).contains(new BigDecimal("66.7"));
    assertThat(ProgramMetrics.activeMembers(members, JAN_1, MAR_1))
        .containsExactly(MemberId.of("a"), MemberId.of("b"));
  }

  @Test
  void closuresExpiriesAndAdjustmentsAreNotTakingPart() {
    List<Member> members = List.of(memberA(), memberB(), memberC());
    // [01-13, 03-01): a restores, adjusts, reverses and expires; b closes: no one took part.
    assertThat(ProgramMetrics.participationRate(members, day("01-13"), MAR_1))
        .isEqualTo(Ratio.of(0, 3));
    // [01-12, 03-01): a donates on 01-12: 1 / 3.
    assertThat(ProgramMetrics.participationRate(members, day("01-12"), MAR_1))
        .isEqualTo(Ratio.of(1, 3));
  }

  @Test
  void noMemberEnrolledIsUndefined() {
    Ratio rate = ProgramMetrics.participationRate(List.of(memberD()), JAN_1, MAR_1);
    assertThat(rate.isDefined()).isFalse();
    assertThat(rate.value(2)).isEmpty();
  }

  /**
   * Member g, unit credits (pending 3 days, may go negative): earns 100 on 01-01; redeems 100
   * on 01-10; a return reverses {@code reversed} of the lot on 01-11, leaving the balance at
   * minus that; earns 50 on 01-12, still pending at 01-13.
   */
  Member memberG(String id, long reversed) {
    AtomicReference<LotId> lot = new AtomicReference<>();
    Member m = Member.enroll(MemberId.of(id), day("01-01"));
    m = act(m, id + "-earn", day("01-01"),
        tx -> lot.set(tx.earn(CREDITS, 100, Attribution.none())));
    m = act(m, id + "-redeem", day("01-10"), tx -> tx.redeem(CREDITS, 100, Attribution.none()));
    m = act(m, id + "-return", day("01-11"), tx -> tx.reverseEarning(lot.get(), reversed));
    m = act(m, id + "-earn-2", day("01-12"), tx -> tx.earn(CREDITS, 50, Attribution.none()));
    return advance(m, day("01-13"));
  }

  @Test
  void availableAndPendingPointsPricedExactly() {
    // a holds 25 available points; h earned 300 on 03-01, still pending; b closed: 0.
    Member h = act(Member.enroll(MemberId.of("h"), day("03-01")), "h-earn", day("03-01"),
        tx -> tx.earn(POINTS, 300, Attribution.none()));
    assertThat(h.pending(POINTS)).isEqualTo(300);
    List<Member> members = List.of(memberA(), memberB(), h);
    assertThat(ProgramMetrics.outstandingPoints(members, POINTS)).isEqualTo(325);
    // 325 * USD 0.01 = USD 3.25; 325 * USD 0.0035 = USD 1.1375, kept exact
    assertThat(ProgramMetrics.outstandingLiability(members, POINTS, Money.of("0.01", "USD")))
        .isEqualTo(Money.of("3.25", "USD"));
    assertThat(ProgramMetrics.outstandingLiability(members, POINTS,
        Money.of("0.0035", "USD"))).isEqualTo(Money.of("1.1375", "USD"));
  }

  @Test
  void aNegativeBalanceNetsOnlyAgainstTheMembersOwnPendingPoints() {
    // g1: available -20, pending 50: owed 30. g2: available -100, pending 50: owed 0, not -50.
    Member g1 = memberG("g1", 20);
    Member g2 = memberG("g2", 100);
    assertThat(g1.available(CREDITS)).isEqualTo(-20);
    assertThat(g2.available(CREDITS)).isEqualTo(-100);
    assertThat(ProgramMetrics.outstandingPoints(g1, CREDITS)).isEqualTo(30);
    assertThat(ProgramMetrics.outstandingPoints(g2, CREDITS)).isZero();
    // 30 * EUR 0.50 = EUR 15.00
    assertThat(ProgramMetrics.outstandingLiability(List.of(g1, g2), CREDITS,
        Money.of("0.50", "EUR"))).isEqualTo(Money.of("15.00", "EUR"));
  }

  @Test
  void noMembersOweNothingAndANegativeValueIsRefused() {
    assertThat(ProgramMetrics.outstandingLiability(List.of(), POINTS, Money.of("0.01", "USD")))
        .isEqualTo(Money.of("0", "USD"));
    assertThatThrownBy(() -> ProgramMetrics.outstandingLiability(List.of(), POINTS,
        Money.of("-0.01", "USD"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value per point must not be negative, was USD -0.01");
  }

  @Test
  void costOverRevenue() {
    // 1,250 / 50,000 = 0.025 = 2.5 %
    Ratio share = ProgramMetrics.rewardCostShare(Money.of("1250", "USD"),
        Money.of("50000.00", "USD"));
    assertThat(share).isEqualTo(Ratio.of(1250, 50000));
    assertThat(share.percent(1)).contains(new BigDecimal("2.5"));
    assertThat(share.value(3)).contains(new BigDecimal("0.025"));
  }

  @Test
  void zeroRevenueIsUndefined() {
    assertThat(ProgramMetrics.rewardCostShare(Money.of("10", "USD"), Money.of("0", "USD"))
        .isDefined()).isFalse();
  }

  @Test
  void currenciesMustMatchAndAmountsNotBeNegative() {
    assertThatThrownBy(() -> ProgramMetrics.rewardCostShare(Money.of("10", "EUR"),
        Money.of("100", "USD"))).isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("reward cost: currency must be USD, was EUR");
    assertThatThrownBy(() -> ProgramMetrics.rewardCostShare(Money.of("-10", "USD"),
        Money.of("100", "USD"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward cost must not be negative, was USD -10.00");
    assertThatThrownBy(() -> ProgramMetrics.rewardCostShare(Money.of("10", "USD"),
        Money.of("-100", "USD"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revenue must not be negative, was USD -100.00");
  }

  @Test
  void eightOfTenStay() {
    // a..h stay, i and j leave; x and y are new and count in neither term.
    assertThat(ProgramMetrics.retention(ACTIVE_BEFORE, ACTIVE_AFTER)).isEqualTo(Ratio.of(8, 10));
    assertThat(ProgramMetrics.churn(ACTIVE_BEFORE, ACTIVE_AFTER)).isEqualTo(Ratio.of(2, 10));
    assertThat(ProgramMetrics.churn(ACTIVE_BEFORE, ACTIVE_AFTER).percent(0))
        .contains(new BigDecimal("20"));
  }

  @Test
  void overMembersActiveInTwoPeriods() {
    // January: a and b took part; February: nobody (a's only postings expire): churn 2/2.
    List<Member> members = List.of(memberA(), memberB(), memberC());
    Set<MemberId> january = ProgramMetrics.activeMembers(members, JAN_1, day("02-01"));
    Set<MemberId> february = ProgramMetrics.activeMembers(members, day("02-01"), MAR_1);
    assertThat(ProgramMetrics.retention(january, february)).isEqualTo(Ratio.of(0, 2));
    assertThat(ProgramMetrics.churn(january, february)).isEqualTo(Ratio.of(2, 2));
  }

  @Test
  void nobodyBeforeIsUndefined() {
    assertThat(ProgramMetrics.retention(Set.of(), ACTIVE_AFTER).isDefined()).isFalse();
    assertThat(ProgramMetrics.churn(Set.of(), ACTIVE_AFTER).isDefined()).isFalse();
  }

  @Test
  void nullIdsAreRefused() {
    Set<MemberId> withNull = new java.util.HashSet<>(Collections.singleton(null));
    assertThatThrownBy(() -> ProgramMetrics.retention(withNull, ACTIVE_AFTER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("active before must not hold null");
  }

  private static Set<MemberId> ids(String... ids) {
    return Arrays.stream(ids).map(MemberId::of).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void marginTimesRetentionOverDiscountPlusAttrition() {
    // 100 * 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3 = 266.666... -> 266.67
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("100", "USD"),
        new BigDecimal("0.8"), new BigDecimal("0.1"))).isEqualTo(Money.of("266.67", "USD"));
    // retention 8/10 exactly: 100 * 8 / (10 * 1.1 - 8) = 800 / 3 = 266.67
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("100", "USD"), Ratio.of(8, 10),
        new BigDecimal("0.1"))).isEqualTo(Money.of("266.67", "USD"));
    // retention 2/3 exactly, no discount: 90 * 2 / (3 - 2) = 180; 0.67 would give 182.73
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("90", "USD"), Ratio.of(2, 3),
        BigDecimal.ZERO)).isEqualTo(Money.of("180.00", "USD"));
    // -50 * 0.5 / (1 - 0.5) = -50; JPY has no minor unit: 1000 * 0.5 / 0.6 = 833.33 -> 833
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("-50", "USD"),
        new BigDecimal("0.5"), BigDecimal.ZERO)).isEqualTo(Money.of("-50.00", "USD"));
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("1000", "JPY"),
        new BigDecimal("0.5"), new BigDecimal("0.1"))).isEqualTo(Money.of("833", "JPY"));
    // nobody stays: 0
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("100", "USD"), BigDecimal.ZERO,
        new BigDecimal("0.1"))).isEqualTo(Money.of("0", "USD"));
    // everyone stays, 5 % discount: 100 * 1 / 0.05 = 2000
    assertThat(ProgramMetrics.customerLifetimeValue(Money.of("100", "USD"), BigDecimal.ONE,
        new BigDecimal("0.05"))).isEqualTo(Money.of("2000", "USD"));
  }

  @Test
  void inputsAreValidated() {
    Money margin = Money.of("100", "USD");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(margin,
        new BigDecimal("1.2"), BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention must be between 0 and 1, was 1.2");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(margin,
        new BigDecimal("0.5"), new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("discount rate must not be negative, was -0.1");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(margin, BigDecimal.ONE,
        BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention 1 with a discount rate of 0 gives an unbounded");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(margin, Ratio.of(0, 0),
        BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention 0/0 is undefined (nobody to retain)");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(margin, Ratio.of(3, 2),
        BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention must be between 0 and 1, was 3/2");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(margin, Ratio.of(5, 5),
        BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention 5/5 with a discount rate of 0 gives an unbounded");
    assertThatThrownBy(() -> ProgramMetrics.customerLifetimeValue(null, BigDecimal.ONE,
        BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("margin per period must not be null");
  }

  @Test
  void threePromotersFivePassivesTwoDetractorsScorePlusTen() {
    // promoters 10, 9, 9; passives 8, 8, 7, 7, 7; detractors 6, 0.
    // 3/10 = 30 % promoters, 2/10 = 20 % detractors: 30 - 20 = +10.
    NetPromoterScore nps = ProgramMetrics.netPromoterScore(
        List.of(7, 10, 8, 6, 9, 7, 0, 9, 8, 7));
    assertThat(nps).isEqualTo(new NetPromoterScore(3, 5, 2));
    assertThat(nps.respondents()).isEqualTo(10);
    assertThat(nps.promoterShare().percent(0)).contains(new BigDecimal("30"));
    assertThat(nps.detractorShare().percent(0)).contains(new BigDecimal("20"));
    assertThat(nps.score()).isEqualTo(Ratio.of(1, 10));
    assertThat(nps.points(0)).contains(new BigDecimal("10"));
  }

  @Test
  void boundariesOfEachGroupAndTheExtremes() {
    // 6 is a detractor, 7 and 8 passives, 9 a promoter: (1 - 1) / 4 = 0
    assertThat(ProgramMetrics.netPromoterScore(List.of(6, 7, 8, 9)).points(0))
        .contains(new BigDecimal("0"));
    assertThat(ProgramMetrics.netPromoterScore(List.of(0, 3, 6)).points(0))
        .contains(new BigDecimal("-100"));
    assertThat(ProgramMetrics.netPromoterScore(List.of(9, 10)).points(0))
        .contains(new BigDecimal("100"));
    // 2 promoters, 1 detractor of 3: 100 * 1 / 3 = 33.33
    assertThat(ProgramMetrics.netPromoterScore(List.of(10, 10, 1)).points(2))
        .contains(new BigDecimal("33.33"));
  }

  @Test
  void noNpsAnswersIsUndefined() {
    NetPromoterScore nps = ProgramMetrics.netPromoterScore(List.of());
    assertThat(nps.respondents()).isZero();
    assertThat(nps.score().isDefined()).isFalse();
    assertThat(nps.points(0)).isEmpty();
  }

  @Test
  void aBadAnswerIsNamedWithItsPosition() {
    assertThatThrownBy(() -> ProgramMetrics.netPromoterScore(List.of(10, 9, 11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers[2] must be between 0 and 10, was 11");
    assertThatThrownBy(() -> ProgramMetrics.netPromoterScore(List.of(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers[0] must be between 0 and 10, was -1");
    assertThatThrownBy(() -> ProgramMetrics.netPromoterScore(Arrays.asList(5, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers[1] must not be null");
    assertThatThrownBy(() -> ProgramMetrics.netPromoterScore(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers must not be null");
  }

  @Test
  void meanOfTheAnswers() {
    // (7 + 6 + 5 + 2) / 4 = 20 / 4 = 5
    Ratio ces = ProgramMetrics.customerEffortScore(List.of(7, 6, 5, 2), 7);
    assertThat(ces).isEqualTo(Ratio.of(20, 4));
    assertThat(ces.value(2)).contains(new BigDecimal("5.00"));
    // (1 + 2 + 2) / 3 = 1.666... -> 1.67
    assertThat(ProgramMetrics.customerEffortScore(List.of(1, 2, 2), 5).value(2))
        .contains(new BigDecimal("1.67"));
  }

  @Test
  void noEffortAnswersIsUndefined() {
    assertThat(ProgramMetrics.customerEffortScore(List.of(), 5).isDefined()).isFalse();
  }

  @Test
  void answersMustBeOnTheScale() {
    assertThatThrownBy(() -> ProgramMetrics.customerEffortScore(List.of(3, 0), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers[1] must be between 1 and 5, was 0");
    assertThatThrownBy(() -> ProgramMetrics.customerEffortScore(List.of(3, 5, 6), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers[2] must be between 1 and 5, was 6");
    assertThatThrownBy(() -> ProgramMetrics.customerEffortScore(Arrays.asList((Integer) null),
        5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("answers[0] must not be null");
    assertThatThrownBy(() -> ProgramMetrics.customerEffortScore(List.of(1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("effort scale must run from 1 to at least 2, was 1 to 1");
  }

  private static CustomerActivity member(String spend, long visits) {
    return new CustomerActivity(true, Money.of(spend, "USD"), visits);
  }

  private static CustomerActivity nonMember(String spend, long visits) {
    return new CustomerActivity(false, Money.of(spend, "USD"), visits);
  }

  @Test
  void averagesAndLifts() {
    // members: 100 + 200 = 300 in 2 + 4 = 6 visits, 2 customers: 150 and 3 each.
    // non-members: 20 + 30 + 50 + 100 = 200 in 1 + 1 + 2 + 1 = 5 visits, 4 customers: 50 and
    // 1.25 each. Spend lift 150 / 50 = 3; visit lift 3 / 1.25 = 2.4.
    MemberComparison c = ProgramMetrics.membersVersusNonMembers(List.of(member("100", 2),
        nonMember("20", 1), nonMember("30", 1), member("200", 4), nonMember("50", 2),
        nonMember("100", 1)), Money.currency("USD"));
    assertThat(c.members()).isEqualTo(new GroupActivity(2, Money.of("300", "USD"), 6));
    assertThat(c.nonMembers()).isEqualTo(new GroupActivity(4, Money.of("200", "USD"), 5));
    assertThat(c.members().averageSpend().value(2)).contains(new BigDecimal("150.00"));
    assertThat(c.nonMembers().averageVisits().value(2)).contains(new BigDecimal("1.25"));
    // 200 / 5 = 40 per visit
    assertThat(c.nonMembers().spendPerVisit().value(0)).contains(new BigDecimal("40"));
    // (300 * 4) / (200 * 2) = 1200 / 400; (6 * 4) / (5 * 2) = 24 / 10
    assertThat(c.spendLift().value(2)).contains(new BigDecimal("3.00"));
    assertThat(c.visitLift()).isEqualTo(Ratio.of(24, 10));
    assertThat(c.visitLift().value(1)).contains(new BigDecimal("2.4"));
  }

  @Test
  void anEmptyGroupMakesTheLiftsUndefined() {
    MemberComparison onlyMembers = ProgramMetrics.membersVersusNonMembers(
        List.of(member("10", 1)), Money.currency("USD"));
    assertThat(onlyMembers.nonMembers()).isEqualTo(
        new GroupActivity(0, Money.of("0", "USD"), 0));
    assertThat(onlyMembers.nonMembers().averageSpend().isDefined()).isFalse();
    assertThat(onlyMembers.spendLift().isDefined()).isFalse();
    assertThat(onlyMembers.visitLift().isDefined()).isFalse();
    // non-members who spent nothing: a lift over zero is undefined too
    MemberComparison zero = ProgramMetrics.membersVersusNonMembers(
        List.of(member("10", 1), nonMember("0", 0)), Money.currency("USD"));
    assertThat(zero.spendLift().isDefined()).isFalse();
  }

  @Test
  void badCustomersAreNamedWithTheirPosition() {
    List<CustomerActivity> mixed = new ArrayList<>(List.of(member("10", 1), nonMember("5", 1),
        new CustomerActivity(true, Money.of("7", "EUR"), 1)));
    assertThatThrownBy(() -> ProgramMetrics.membersVersusNonMembers(mixed,
        Money.currency("USD"))).isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("customers[2].spend: currency must be USD, was EUR");
    assertThatThrownBy(() -> ProgramMetrics.membersVersusNonMembers(
        Arrays.asList(member("1", 1), null), Money.currency("USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers[1] must not be null");
    assertThatThrownBy(() -> new CustomerActivity(true, Money.of("-1", "USD"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer activity: spend must not be negative, was USD -1.00");
    assertThatThrownBy(() -> new CustomerActivity(true, Money.of("1", "USD"), -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer activity: visits must not be negative, was -2");
    assertThatThrownBy(() -> new MemberComparison(
        new GroupActivity(1, Money.of("1", "USD"), 1),
        new GroupActivity(1, Money.of("1", "EUR"), 1)))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("member comparison: non-members' spend: currency must be USD, was EUR");
  }
}
