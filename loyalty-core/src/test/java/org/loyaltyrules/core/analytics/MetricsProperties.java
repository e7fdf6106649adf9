package org.loyaltyrules.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.CREDITS;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.POINTS;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.act;
import static org.loyaltyrules.core.analytics.AnalyticsFixtures.advance;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.InsufficientPointsException;
import org.loyaltyrules.core.ledger.ReversalExceedsException;
import org.loyaltyrules.core.member.Member;
import org.quicktheories.core.Gen;

/**
 * Invariants of the metrics, with QuickTheories. Member histories are played through the real
 * {@link org.loyaltyrules.core.ledger.Ledger}: each member is a list of operation codes, each
 * code letting 1 to 97 hours pass and then earning (from the program or a partner), redeeming,
 * donating, transferring, adjusting up or down, reversing part of an earlier lot, restoring part
 * of an earlier spending, letting up to 40 days pass, or rarely closing the account, in points
 * (which expire after 30 days) or credits (which may go negative).
 */
class MetricsProperties {
  private static final int EXAMPLES = 300;
  private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
  private static final Instant END_OF_TIME = Instant.parse("2100-01-01T00:00:00Z");
  private static final PartnerId PARTNER = PartnerId.of("airline");

  private static final Gen<List<Integer>> HISTORY =
      lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 40);
  private static final Gen<List<List<Integer>>> MEMBERS = lists().of(HISTORY).ofSizeBetween(0, 5);

  @Test
  void netPromoterScoreIsBetweenMinusAndPlusOneHundredAndCountsEveryAnswer() {
    qt().withExamples(EXAMPLES)
        .forAll(lists().of(integers().between(0, 10)).ofSizeBetween(0, 200))
        .checkAssert(answers -> {
          NetPromoterScore nps = ProgramMetrics.netPromoterScore(answers);
          assertThat(nps.respondents()).isEqualTo(answers.size());
          long promoters = answers.stream().filter(a -> a >= 9).count();
          long detractors = answers.stream().filter(a -> a <= 6).count();
          assertThat(nps.score()).isEqualTo(Ratio.of(promoters - detractors, answers.size()));
          assertThat(nps.points(6).isPresent()).isEqualTo(!answers.isEmpty());
          nps.points(6).ifPresent(points -> assertThat(points)
              .isBetween(BigDecimal.valueOf(-100), BigDecimal.valueOf(100)));
        });
  }

  @Test
  void effortScoreIsOnTheScale() {
    qt().withExamples(EXAMPLES)
        .forAll(integers().between(2, 10), lists().of(integers().between(0, 1000))
            .ofSizeBetween(1, 100))
        .checkAssert((scale, raw) -> {
          List<Integer> answers = raw.stream().map(a -> 1 + a % scale).toList();
          BigDecimal ces = ProgramMetrics.customerEffortScore(answers, scale).value(10)
              .orElseThrow();
          assertThat(ces).isBetween(BigDecimal.ONE, BigDecimal.valueOf(scale));
        });
  }

  @Test
  void churnPlusRetentionIsExactlyOne() {
    Gen<List<Integer>> ids = lists().of(integers().between(0, 30)).ofSizeBetween(0, 30);
    qt().withExamples(EXAMPLES).forAll(ids, ids).checkAssert((before, after) -> {
      Set<MemberId> b = memberIds(before);
      Set<MemberId> a = memberIds(after);
      Ratio retention = ProgramMetrics.retention(b, a);
      Ratio churn = ProgramMetrics.churn(b, a);
      assertThat(churn.denominator()).isEqualTo(retention.denominator());
      assertThat(retention.numerator().add(churn.numerator()))
          .isEqualByComparingTo(retention.denominator());
      assertThat(retention.isDefined()).isEqualTo(!b.isEmpty());
      if (retention.isDefined()) {
        assertThat(retention.value(20).orElseThrow().add(churn.value(20).orElseThrow()))
            .isEqualByComparingTo(BigDecimal.ONE);
      }
    });
  }

  @Test
  void overAWholeHistoryRedemptionAndBreakageRatesAreBetweenZeroAndOne() {
    qt().withExamples(EXAMPLES).forAll(MEMBERS).checkAssert(histories -> {
      List<Member> members = play(histories);
      for (UnitId unit : List.of(POINTS, CREDITS)) {
        PointTotals totals = ProgramMetrics.pointTotals(members, unit, START, END_OF_TIME);
        assertThat(totals.redeemed()).isNotNegative();
        assertThat(totals.expired()).isNotNegative();
        assertThat(totals.reversed()).isNotNegative();
        assertThat(totals.redeemed() + totals.breakage()).isLessThanOrEqualTo(totals.issued());
        for (Ratio rate : List.of(totals.redemptionRate(), totals.breakageRate())) {
          assertThat(rate.isDefined()).isEqualTo(totals.issued() > 0);
          rate.value(12).ifPresent(v -> assertThat(v).isBetween(BigDecimal.ZERO,
              BigDecimal.ONE));
        }
      }
    });
  }

  @Test
  void totalsOfAdjacentPeriodsAddUp() {
    qt().withExamples(EXAMPLES).forAll(MEMBERS, integers().between(1, 200))
        .checkAssert((histories, days) -> {
          List<Member> members = play(histories);
          Instant middle = START.plus(Duration.ofDays(days));
          for (UnitId unit : List.of(POINTS, CREDITS)) {
            PointTotals whole = ProgramMetrics.pointTotals(members, unit, START, END_OF_TIME);
            PointTotals first = ProgramMetrics.pointTotals(members, unit, START, middle);
            PointTotals second = ProgramMetrics.pointTotals(members, unit, middle, END_OF_TIME);
            assertThat(first.issued() + second.issued()).isEqualTo(whole.issued());
            assertThat(first.redeemed() + second.redeemed()).isEqualTo(whole.redeemed());
            assertThat(first.reversed() + second.reversed()).isEqualTo(whole.reversed());
            assertThat(first.expired() + second.expired()).isEqualTo(whole.expired());
            assertThat(first.forfeited() + second.forfeited()).isEqualTo(whole.forfeited());
          }
          Set<MemberId> active = new HashSet<>(
              ProgramMetrics.activeMembers(members, START, middle));
          active.addAll(ProgramMetrics.activeMembers(members, middle, END_OF_TIME));
          assertThat(ProgramMetrics.activeMembers(members, START, END_OF_TIME))
              .containsExactlyInAnyOrderElementsOf(active);
        });
  }

  @Test
  void liabilityIsTheSumOfEachMembersLiability() {
    Money perPoint = Money.of("0.0125", "USD");
    qt().withExamples(EXAMPLES).forAll(MEMBERS).checkAssert(histories -> {
      List<Member> members = play(histories);
      for (UnitId unit : List.of(POINTS, CREDITS)) {
        Money sum = Money.zero(perPoint.currency());
        for (Member member : members) {
          long owed = ProgramMetrics.outstandingPoints(member, unit);
          assertThat(owed).isNotNegative()
              .isGreaterThanOrEqualTo(member.available(unit) + member.pending(unit));
          sum = sum.plus(ProgramMetrics.outstandingLiability(List.of(member), unit, perPoint));
        }
        assertThat(ProgramMetrics.outstandingLiability(members, unit, perPoint)).isEqualTo(sum);
      }
    });
  }

  private static Set<MemberId> memberIds(List<Integer> numbers) {
    Set<MemberId> ids = new HashSet<>();
    numbers.forEach(n -> ids.add(MemberId.of("m" + n)));
    return ids;
  }

  private static List<Member> play(List<List<Integer>> histories) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < histories.size(); i++) {
      members.add(play("m" + i, histories.get(i)));
    }
    return members;
  }

  /** Plays one member's history; an operation the ledger refuses is skipped. */
  private static Member play(String id, List<Integer> codes) {
    Member m = Member.enroll(MemberId.of(id), START);
    Instant t = START;
    List<LotId> lots = new ArrayList<>();
    List<ActivityId> spendings = new ArrayList<>();
    List<UnitId> spentUnits = new ArrayList<>();
    int n = 0;
    for (int code : codes) {
      if (m.isClosed()) {
        break;
      }
      t = t.plus(Duration.ofHours(1 + code % 97));
      UnitId unit = (code / 7) % 2 == 0 ? POINTS : CREDITS;
      long amount = 1 + (code / 14) % 300;
      String activity = id + "-" + n++;
      try {
        switch (code % 11) {
          case 0, 1 -> m = act(m, activity, t, tx -> lots.add(tx.earn(unit, amount,
              code % 3 == 0 ? Attribution.none().withPartner(PARTNER) : Attribution.none())));
          case 2, 3, 4 -> {
            int kind = code % 3;
            m = act(m, activity, t, tx -> {
              long points = Math.min(amount, tx.available(unit));
              if (points > 0) {
                switch (kind) {
                  case 0 -> tx.redeem(unit, points, Attribution.none());
                  case 1 -> tx.donate(unit, points, CauseId.of("shelter"), Attribution.none());
                  default -> tx.transfer(unit, points, PARTNER, Attribution.none());
                }
              }
            });
            spendings.add(ActivityId.of(activity));
            spentUnits.add(unit);
          }
          case 5 -> {
            boolean up = code % 2 == 0;
            m = act(m, activity, t, tx -> {
              long points = up ? amount : -Math.min(amount, tx.available(unit));
              if (points != 0) {
                tx.adjust(unit, points, "service");
              }
            });
            if (!up) {
              spendings.add(ActivityId.of(activity));
              spentUnits.add(unit);
            }
          }
          case 6, 7 -> {
            if (!lots.isEmpty()) {
              LotId lot = lots.get(code % lots.size());
              m = act(m, activity, t, tx -> tx.reverseEarning(lot, amount));
            }
          }
          case 8 -> {
            if (!spendings.isEmpty()) {
              int which = code % spendings.size();
              m = act(m, activity, t, tx -> tx.restoreSpending(spendings.get(which),
                  spentUnits.get(which), amount));
            }
          }
          case 9 -> t = t.plus(Duration.ofDays(code % 41));
          default -> {
            if (code % 23 == 0) {
              m = act(m, activity, t, tx -> tx.close("closed"));
            }
          }
        }
      } catch (InsufficientPointsException | ReversalExceedsException
          | UnknownReferenceException e) {
        // the ledger refused the operation and nothing changed: skip it
      }
    }
    return m.isClosed() ? m : advance(m, t.plus(Duration.ofDays(20)));
  }
}
