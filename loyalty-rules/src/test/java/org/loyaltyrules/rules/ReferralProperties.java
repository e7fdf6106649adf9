package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.ReferralCredit;
import org.loyaltyrules.core.activity.ReferralWithdrawal;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.ReferralTerms;
import org.quicktheories.core.Gen;

/**
 * Invariants of referrals over random histories, checked against a simple model.
 *
 * <ul>
 *   <li>the referrer: random credits, withdrawals (some before their credit) and replays of
 *       earlier activities, for six friends over a few years, under a yearly limit of three: the
 *       referrer never holds more rewarded referrals in a year than the limit, each friend is
 *       rewarded at most once, a withdrawal gives back exactly what its credit gave (the balance
 *       is always 1,000 points per referral rewarded and not withdrawn), and a replay changes
 *       nothing;
 *   <li>the friend: random purchases and returns of their lines: the friend's voucher is issued at
 *       most once ever, announced with the referrer, and revoked exactly when a return within 30
 *       days leaves the qualifying purchase below the minimum.
 * </ul>
 */
class ReferralProperties {
  private static final int EXAMPLES = 300;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final UnitId POINTS = UnitId.of("points");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("EUR"));
  private static final int LIMIT = 3;
  private static final CompiledProgram COMPILED = LoyaltyRules.compile(Program.builder(
          ProgramId.of("friends"), Money.currency("EUR"), ZONE)
      .unit(PointUnit.redeemable("points", "Points"))
      .referral(ReferralTerms.of(Grant.voucher(Money.of("10", "EUR")),
              Grant.points(POINTS, 1000), Money.of("50", "EUR"), Period.ofDays(30))
          .withLimit(ReferralTerms.Limit.per(LIMIT, CalendarPeriod.YEAR)))
      .build());
  private static final Instant START = LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ZONE)
      .toInstant();

  /** One step: hours after the last, what (0 credit, 1 withdraw, 2 replay), and which friend. */
  record Step(int hours, int kind, int friend) {}

  private static Gen<List<Step>> histories() {
    Gen<Step> step = integers().between(1, 24 * 30).zip(integers().between(0, 5),
        integers().between(0, 5), (h, k, f) -> new Step(h, k < 3 ? 0 : k < 5 ? 1 : 2, f));
    return lists().of(step).ofSizeBetween(1, 40);
  }

  /** Where a friend's referral stands in the model. */
  private enum Standing { REWARDED, UNREWARDED, WITHDRAWN }

  @Test
  void theReferrerNeverHoldsMoreThanTheLimitAndAWithdrawalUndoesItsCredit() {
    qt().withExamples(EXAMPLES).withShrinkCycles(200).forAll(histories()).checkAssert(steps -> {
      Member bo = Member.enroll(MemberId.of("bo"), START);
      Map<Integer, Standing> model = new HashMap<>();
      Map<Integer, Integer> rewardedYear = new HashMap<>();
      List<Activity> done = new ArrayList<>();
      Instant t = START;
      int n = 0;
      for (Step s : steps) {
        t = t.plus(Duration.ofHours(s.hours()));
        n++;
        int year = t.atZone(ZONE).getYear();
        MemberId friend = MemberId.of("f" + s.friend());
        ActivityId purchase = ActivityId.of("p-" + s.friend());
        Activity activity;
        Instant recent = t.minus(Duration.ofDays(300));
        List<Activity> replayable = done.stream().filter(a -> a.occurredAt().isAfter(recent))
            .toList();
        if (s.kind() == 2 && !replayable.isEmpty()) {
          // A retry of an activity still within the horizon.
          activity = replayable.get(s.friend() % replayable.size());
        } else if (s.kind() == 1) {
          activity = new ReferralWithdrawal(ActivityId.of("w-" + n), t, friend, purchase);
        } else {
          activity = new ReferralCredit(ActivityId.of("c-" + n), t, friend, purchase);
        }
        long before = bo.available(POINTS);
        Decision d = COMPILED.decide(STATE, bo, activity, t, RANDOM);
        assertThat(d.isRefused()).isFalse();
        assertThat(d.errors()).isEmpty();
        if (done.contains(activity)) {
          assertThat(d.replay()).as("replay of %s", activity.id()).isTrue();
          assertThat(d.member().available(POINTS)).isEqualTo(before);
          assertThat(d.member().progress()).isEqualTo(bo.progress());
          bo = d.member();
          continue;
        }
        done.add(activity);
        Standing was = model.get(s.friend());
        if (activity instanceof ReferralCredit) {
          if (was == null) {
            long held = rewardedYear.entrySet().stream().filter(e -> e.getValue() == year
                && model.get(e.getKey()) == Standing.REWARDED).count();
            boolean rewarded = held < LIMIT;
            model.put(s.friend(), rewarded ? Standing.REWARDED : Standing.UNREWARDED);
            if (rewarded) {
              rewardedYear.put(s.friend(), year);
            }
          }
        } else {
          model.put(s.friend(), Standing.WITHDRAWN);
          if (was == Standing.REWARDED) {
            assertThat(d.effects(Effect.PointsReversed.class)).singleElement()
                .satisfies(r -> assertThat(r.points()).isEqualTo(1000));
          } else {
            assertThat(d.effects()).isEmpty();
          }
        }
        bo = d.member();
        long rewarded = model.values().stream().filter(Standing.REWARDED::equals).count();
        assertThat(bo.available(POINTS)).as("after step %s", n).isEqualTo(1000 * rewarded);
        for (int y : new java.util.HashSet<>(rewardedYear.values())) {
          assertThat(rewardedYear.entrySet().stream().filter(e -> e.getValue() == y
              && model.get(e.getKey()) == Standing.REWARDED).count()).isLessThanOrEqualTo(LIMIT);
        }
      }
    });
  }

  /** A friend's step: hours after the last, and a purchase (0) or a return of line 0, 1 or 2. */
  record FriendStep(int hours, int what, int price) {}

  @Test
  void theFriendsVoucherIsIssuedOnceAndRevokedOnlyByAReturnWithinTheWindow() {
    Gen<FriendStep> step = integers().between(1, 24 * 10).zip(integers().between(0, 3),
        integers().between(5, 40), FriendStep::new);
    qt().withExamples(EXAMPLES).withShrinkCycles(200).forAll(lists().of(step)
        .ofSizeBetween(1, 20)).checkAssert(steps -> {
          Member ana = Member.enroll(MemberId.of("ana"), START).withReferrer(MemberId.of("bo"));
          Instant t = START;
          List<Purchase> purchases = new ArrayList<>();
          Map<String, Integer> returned = new HashMap<>();
          Purchase qualifying = null;
          boolean closed = false;
          boolean revoked = false;
          int n = 0;
          for (FriendStep s : steps) {
            t = t.plus(Duration.ofHours(s.hours()));
            n++;
            Activity activity;
            if (s.what() == 0 || purchases.isEmpty()) {
              Purchase.Builder b = Purchase.builder(ActivityId.of("p-" + n), t);
              for (int line = 0; line < 3; line++) {
                b.line(PurchaseLine.of("l" + line, "sku", "goods", 1,
                    Money.of(String.valueOf(s.price() + 5 * line), "EUR")));
              }
              activity = b.build();
            } else {
              Purchase p = purchases.get(s.price() % purchases.size());
              String line = "l" + (s.what() - 1);
              if (returned.containsKey(p.id() + "/" + line)) {
                continue;
              }
              returned.put(p.id() + "/" + line, 1);
              activity = Return.of(ActivityId.of("r-" + n), t, p.id(),
                  List.of(ReturnLine.of(line, 1)));
            }
            Decision d = COMPILED.decide(STATE, ana, activity, t, RANDOM);
            assertThat(d.isRefused()).isFalse();
            List<Effect.ReferralQualified> qualified = d.effects(Effect.ReferralQualified.class);
            List<Effect.ReferralWithdrawn> lost = d.effects(Effect.ReferralWithdrawn.class);
            if (activity instanceof Purchase p) {
              purchases.add(p);
              Left total = new Left(p, returned);
              boolean qualifies = qualifying == null && total.left() >= 50;
              assertThat(qualified).hasSize(qualifies ? 1 : 0);
              if (qualifies) {
                qualifying = p;
                assertThat(qualified.get(0).referrer()).isEqualTo(MemberId.of("bo"));
              }
              assertThat(lost).isEmpty();
            } else {
              Return r = (Return) activity;
              assertThat(qualified).isEmpty();
              boolean below = qualifying != null && r.purchase().equals(qualifying.id())
                  && new Left(qualifying, returned).left() < 50;
              boolean expectLost = below && !closed && !r.occurredAt().isAfter(
                  qualifying.occurredAt().atZone(ZONE).plus(Period.ofDays(30)).toInstant());
              assertThat(lost).as("withdrawn by %s", r.id()).hasSize(expectLost ? 1 : 0);
              // Below the minimum, the referral is settled: taken back now, or never.
              closed |= below;
              revoked |= expectLost;
            }
            ana = d.member();
            assertThat(ana.vouchers()).hasSize(qualifying == null ? 0 : 1);
            if (qualifying != null) {
              assertThat(ana.vouchers().values().iterator().next().status()).isEqualTo(
                  revoked ? VoucherStatus.REVOKED : VoucherStatus.ISSUED);
            }
          }
        });
  }

  /** What is left of a purchase's whole euros after the returns so far. */
  private record Left(Purchase purchase, Map<String, Integer> returned) {
    /** The whole euros of the lines not returned. */
    long left() {
      long sum = 0;
      for (PurchaseLine line : purchase.lines()) {
        if (!returned.containsKey(purchase.id() + "/" + line.id())) {
          sum += line.unitPrice().amount().longValueExact();
        }
      }
      return sum;
    }
  }
}
