package org.loyaltyrules.rules.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.member.FeeTerm;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.ShortfallPolicy;

/**
 * Values built by hand for what the engine does not produce yet: a decision with one effect of
 * every kind, every kind of program-state change, trace entries and errors; a refused decision;
 * a program state with every map filled; a member with memberships of every status, some of
 * several terms and trials.
 */
final class StateSamples {
  static final Instant AT = Instant.parse("2026-03-02T15:30:00Z");
  static final UnitId STARS = UnitId.of("stars");

  private StateSamples() {}

  static Voucher voucher(VoucherStatus status) {
    return new Voucher(VoucherId.of("v-1"), Money.of("5.00", "USD"), AT,
        Optional.of(AT.plusSeconds(86_400)), ActivityId.of("p-1"), status);
  }

  /** One effect of every kind, in the order of {@link Effect}'s records. */
  static List<Effect> effects() {
    return List.of(
        new Effect.PointsEarned(STARS, 25, Optional.of(RuleId.of("base")), LotId.of("lot-1"),
            Optional.of(AT.plusSeconds(3_600))),
        new Effect.PointsReversed(STARS, 5, ActivityId.of("p-1")),
        new Effect.PointsRestored(STARS, 100, ActivityId.of("pay-1")),
        new Effect.PointsShortfall(STARS, 3, ShortfallPolicy.ALLOW_NEGATIVE),
        new Effect.PointsExpired(STARS, 40, AT.minusSeconds(60)),
        new Effect.RewardRedeemed(RewardId.of("drink"), 2, STARS, 300),
        new Effect.PaidWithPoints(ActivityId.of("p-1"), STARS, 200, Money.of("10", "USD")),
        new Effect.VoucherIssued(voucher(VoucherStatus.ISSUED)),
        new Effect.VoucherRevoked(voucher(VoucherStatus.REVOKED)),
        new Effect.VoucherExpired(voucher(VoucherStatus.EXPIRED)),
        new Effect.DonationMade(CauseId.of("fund"), STARS, 150, Money.of("1.5", "USD")),
        new Effect.TierChanged(Optional.empty(), TierId.of("green")),
        new Effect.TierChanged(Optional.of(TierId.of("green")), TierId.of("gold")),
        new Effect.MembershipChanged(PlanId.of("plus"), MembershipStatus.ACTIVE,
            Optional.of(AT.plusSeconds(30 * 86_400))),
        new Effect.MembershipChanged(PlanId.of("life"), MembershipStatus.LAPSED,
            Optional.empty()),
        new Effect.MembershipChanged(PlanId.of("plus"), MembershipStatus.TRIAL,
            Optional.of(AT.plusSeconds(14 * 86_400))),
        new Effect.MembershipChanged(PlanId.of("plus"), MembershipStatus.GRACE,
            Optional.of(AT.minusSeconds(86_400))),
        new Effect.MembershipChanged(PlanId.of("plus"), MembershipStatus.CANCELLED,
            Optional.of(AT)),
        new Effect.PerkGranted("free-shipping", "plan plus"),
        new Effect.DiscountGranted(PlanId.of("plus"), Money.of("1.30", "USD")),
        new Effect.DividendAdjusted(PlanId.of("coop"), 2025, Money.of("0.75", "USD"),
            Dividend.ReturnPolicy.KEEP),
        new Effect.DividendAdjusted(PlanId.of("coop"), 2025, Money.zero(Money.currency("USD")),
            Dividend.ReturnPolicy.REDUCE_NEXT),
        new Effect.PointsTransferred(PartnerId.of("airline"), STARS, 5000, "miles", 2000),
        new Effect.AccountClosed("member asked"),
        new Effect.ChallengeProgressed(org.loyaltyrules.core.ChallengeId.of("weekly"),
            "2026-W10", new java.math.BigDecimal("2"), new java.math.BigDecimal("3"), 0, 0),
        new Effect.ChallengeProgressed(org.loyaltyrules.core.ChallengeId.of("streak"),
            "2026-03-14", new java.math.BigDecimal("12.50"), new java.math.BigDecimal("25.0"), 1,
            2),
        new Effect.ChallengeCompleted(org.loyaltyrules.core.ChallengeId.of("card"), "all", 2),
        new Effect.ChallengeCompletionRevoked(org.loyaltyrules.core.ChallengeId.of("card"),
            "all"),
        new Effect.BadgeEarned(org.loyaltyrules.core.BadgeId.of("hero"), 2, "Silver",
            Optional.of(AT.plusSeconds(86_400))),
        new Effect.BadgeEarned(org.loyaltyrules.core.BadgeId.of("regular"), 1, "Regular",
            Optional.empty()),
        new Effect.BadgeLost(org.loyaltyrules.core.BadgeId.of("hero"), 2, 0, true),
        new Effect.BadgeLost(org.loyaltyrules.core.BadgeId.of("loyal"), 3, 1, false),
        new Effect.ReferralQualified(MemberId.of("bo"), ActivityId.of("p-1")),
        new Effect.ReferralWithdrawn(MemberId.of("bo"), ActivityId.of("p-1")),
        new Effect.DrawEntriesEarned(DrawId.of("summer"), 2),
        new Effect.DrawEntriesWithdrawn(DrawId.of("summer"), 1),
        new Effect.InstantWinPlayed(DrawId.of("scratch"), Optional.empty()),
        new Effect.InstantWinPlayed(DrawId.of("scratch"),
            Optional.of(org.loyaltyrules.core.PrizeId.of("coffee"))));
  }

  /**
   * A member with a paid membership of every status: a trial, one of several terms begun with a
   * trial, one in its grace period, a lapsed one, a lifetime one and a cancelled one.
   */
  static Member withMemberships() {
    MemberId id = MemberId.of("ana");
    Member.Builder b = Member.builder(id, days(-400), Ledger.open(id, AT));
    b.membership(new Membership(PlanId.of("plus"), days(-5), MembershipStatus.TRIAL,
        List.of(term("trial-plus", "0", -5, 25))));
    b.membership(new Membership(PlanId.of("prime"), days(-400), MembershipStatus.ACTIVE,
        List.of(term("trial-prime", "0", -400, -370), term("fee-1", "139.00", -370, -5),
            term("fee-2", "139", -5, 360))));
    b.membership(new Membership(PlanId.of("club"), days(-35), MembershipStatus.GRACE,
        List.of(term("fee-club", "9.99", -35, -5))));
    b.membership(new Membership(PlanId.of("gym"), days(-201), MembershipStatus.LAPSED,
        List.of(term("fee-gym-1", "30", -200, -185), term("fee-gym-2", "30", -185, -170))));
    b.membership(new Membership(PlanId.of("coop"), days(-100), MembershipStatus.ACTIVE,
        List.of(new FeeTerm(ActivityId.of("fee-coop"), Money.of("20", "USD"), days(-100),
            Optional.empty()))));
    b.membership(new Membership(PlanId.of("video"), days(-20), MembershipStatus.CANCELLED,
        List.of(term("fee-video", "12.50", -20, -10))));
    return b.build();
  }

  /** A term bought by {@code payment} from {@code from} to {@code until} days after now. */
  static FeeTerm term(String payment, String paid, int from, int until) {
    return new FeeTerm(ActivityId.of(payment), Money.of(paid, "USD"), days(from),
        Optional.of(days(until)));
  }

  private static Instant days(int days) {
    return AT.plus(Duration.ofDays(days));
  }

  /** One program-state change of every kind. */
  static List<ProgramStateChange> changes() {
    return List.of(
        new ProgramStateChange.BudgetSpent(BudgetId.of("spring"), 250),
        new ProgramStateChange.BudgetSpent(BudgetId.of("spring"), -20),
        new ProgramStateChange.SettlementAccrued(PartnerId.of("airline"),
            Money.of("-1.25", "USD")),
        new ProgramStateChange.DrawEntered(DrawId.of("summer"), MemberId.of("ana"), 3),
        new ProgramStateChange.DrawEntered(DrawId.of("summer"), MemberId.of("ana"), -1),
        new ProgramStateChange.PrizeAwarded(DrawId.of("summer"),
            org.loyaltyrules.core.PrizeId.of("trip"), 1),
        new ProgramStateChange.DrawRun(DrawId.of("summer"), 1));
  }

  /** A decision with every kind of effect and change, trace entries and a skipped rule. */
  static Decision everyEffect() {
    Member ana = Member.enroll(MemberId.of("ana"), AT);
    List<TraceEntry> trace = List.of(
        new TraceEntry(RuleId.of("base"), true, Optional.of(STARS), 25, 4, 0,
            new BigDecimal("0.50"), "total $12.99 at 2 stars per $1"),
        TraceEntry.notMatched(RuleId.of("beans-x3"), ""),
        new TraceEntry(RuleId.of("odd"), true, Optional.empty(), 0, 0, 7,
            new BigDecimal("1E+1"), "a scale below zero survives"));
    List<DecisionError> errors = List.of(new DecisionError(Optional.of(RuleId.of("formula")),
        "division by zero in 'points / count'", DecisionError.Consequence.RULE_SKIPPED));
    return new Decision(Optional.of(ActivityId.of("p-1")), AT, false, ana, effects(),
        List.of(), changes(), trace, errors);
  }

  /** A refused decision: nothing changes, and the member is the one it was given. */
  static Decision refused() {
    Member ana = Member.enroll(MemberId.of("ana"), AT);
    return new Decision(Optional.of(ActivityId.of("p-2")), AT.plusSeconds(60), false, ana,
        List.of(), List.of(), List.of(), List.of(),
        List.of(new DecisionError(Optional.empty(), "overflow in the order's total",
            DecisionError.Consequence.DECISION_REFUSED)));
  }

  /**
   * The result of a run of a draw: two prizes to two of three entrants, with every change of a
   * run, the seed negative so it uses all 64 bits.
   */
  static DrawResult drawResult() {
    DrawId summer = DrawId.of("summer");
    return new DrawResult(summer, AT, -8_765_432_109_876_543_210L, List.of(
        new DrawResult.Winner(PrizeId.of("trip"), MemberId.of("bo"), 3, 6),
        new DrawResult.Winner(PrizeId.of("spa"), MemberId.of("ana"), 0, 5)), 3, 6, List.of(
        new ProgramStateChange.DrawRun(summer, 3),
        new ProgramStateChange.PrizeAwarded(summer, PrizeId.of("trip"), 1),
        new ProgramStateChange.PrizeAwarded(summer, PrizeId.of("spa"), 1),
        new ProgramStateChange.DrawEntered(summer, MemberId.of("ana"), -3),
        new ProgramStateChange.DrawEntered(summer, MemberId.of("bo"), -1),
        new ProgramStateChange.DrawEntered(summer, MemberId.of("cy"), -2)));
  }

  /** A program state with budgets, settlement both ways, draws, prizes and draw runs. */
  static ProgramState fullProgramState() {
    return ProgramState.of(Money.currency("USD"),
        Map.of(BudgetId.of("spring"), 250L, BudgetId.of("autumn"), 1L),
        Map.of(PartnerId.of("airline"), Money.of("-1.25", "USD"), PartnerId.of("hotel"),
            Money.of("0.001", "USD")),
        Map.of(DrawId.of("summer"), Map.of(MemberId.of("ana"), 3L, MemberId.of("bo"), 1L),
            DrawId.of("winter"), Map.of(MemberId.of("cy"), 2L)),
        Map.of(DrawId.of("summer"), Map.of(org.loyaltyrules.core.PrizeId.of("trip"), 1L)),
        Map.of(DrawId.of("winter"), 4L));
  }
}
