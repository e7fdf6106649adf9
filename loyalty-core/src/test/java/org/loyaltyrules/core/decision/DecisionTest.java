package org.loyaltyrules.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.decision.DecisionError.Consequence;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerPolicy;
import org.loyaltyrules.core.ledger.LedgerResult;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;

class DecisionTest {
  private static final UnitId STARS = UnitId.of("stars");
  private static final RuleId BASE = RuleId.of("two-stars-per-dollar");
  private static final ActivityId P1 = ActivityId.of("p-1");
  private static final Instant ENROLLED = Instant.parse("2026-01-15T17:00:00Z");
  private static final Instant AT = Instant.parse("2026-02-01T18:30:00Z");
  private static final LedgerPolicy POLICY = LedgerPolicy.of(ZoneId.of("America/Los_Angeles"),
      Duration.ofDays(400), List.of(PointUnit.redeemable("stars", "Stars")));

  private static final Member ENROLLED_MEMBER = Member.enroll(MemberId.of("m-1"), ENROLLED);
  /** 25 stars on a $12.99 latte order: 2 stars per $1, 0.98 of a star rounded away. */
  private static final LedgerResult EARNED = earn();
  private static final Member MEMBER = ENROLLED_MEMBER.withLedger(EARNED.ledger());

  private static final Effect.PointsEarned EARNED_25 = new Effect.PointsEarned(STARS, 25,
      Optional.of(BASE), LotId.of("lot-1"), Optional.empty());
  private static final Effect.PerkGranted FREE_SHIPPING = new Effect.PerkGranted(
      "free-two-day-shipping", "plan prime");
  private static final Effect.TierChanged TO_GOLD = new Effect.TierChanged(Optional.empty(),
      TierId.of("gold"));
  private static final TraceEntry TRACE = new TraceEntry(BASE, true, Optional.of(STARS), 25, 0, 0,
      new BigDecimal("0.98"), "total $12.99 at 2 stars per $1");
  private static final DecisionError REFUSED = new DecisionError(Optional.empty(),
      "activity p-1 is for another program", Consequence.DECISION_REFUSED);
  private static final DecisionError SKIPPED = new DecisionError(Optional.of(RuleId.of("bonus")),
      "division by zero in rule bonus", Consequence.RULE_SKIPPED);

  private static LedgerResult earn() {
    LedgerTransaction tx = ENROLLED_MEMBER.ledger().begin(POLICY, P1, AT, AT);
    tx.earn(STARS, 25, Attribution.rule(BASE));
    return tx.commit();
  }

  private static Decision decision(List<Effect> effects, List<Posting> postings,
      List<ProgramStateChange> changes, List<DecisionError> errors) {
    return new Decision(Optional.of(P1), AT, false, MEMBER, effects, postings, changes,
        List.of(TRACE), errors);
  }

  @Test
  void anAcceptedDecision() {
    Decision d = decision(List.of(EARNED_25), EARNED.postings(),
        List.of(new ProgramStateChange.BudgetSpent(BudgetId.of("launch"), 25)), List.of());

    assertThat(d.isRefused()).isFalse();
    assertThat(d.member().available(STARS)).isEqualTo(25);
    assertThat(d.member().asOf()).isEqualTo(d.at());
    assertThat(d.postings()).hasSize(1).isEqualTo(EARNED.postings());
    assertThat(d.trace()).containsExactly(TRACE);
    assertThat(d).isEqualTo(decision(List.of(EARNED_25), EARNED.postings(),
        List.of(new ProgramStateChange.BudgetSpent(BudgetId.of("launch"), 25)), List.of()));
  }

  @Test
  void effectsOfOneTypeKeepTheirOrder() {
    Effect.PerkGranted birthday = new Effect.PerkGranted("birthday-drink", "birthday");
    Decision d = decision(List.of(FREE_SHIPPING, EARNED_25, TO_GOLD, birthday),
        EARNED.postings(), List.of(), List.of());

    assertThat(d.effects(Effect.PerkGranted.class)).containsExactly(FREE_SHIPPING, birthday);
    assertThat(d.effects(Effect.PointsEarned.class)).containsExactly(EARNED_25);
    assertThat(d.effects(Effect.TierChanged.class).get(0).to()).isEqualTo(TierId.of("gold"));
    assertThat(d.effects(Effect.VoucherIssued.class)).isEmpty();
    assertThat(d.effects(Effect.class)).containsExactly(FREE_SHIPPING, EARNED_25, TO_GOLD,
        birthday);
    assertThatThrownBy(() -> d.effects(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("effect type must not be null");
  }

  @Test
  void aRefusedDecisionChangesNothing() {
    Member before = ENROLLED_MEMBER;
    Decision refused = new Decision(Optional.of(P1), AT, false, before, List.of(), List.of(),
        List.of(), List.of(), List.of(REFUSED));

    assertThat(refused.isRefused()).isTrue();
    assertThat(refused.member()).as("the member given, still as of enrollment").isSameAs(before);

    assertThatThrownBy(() -> new Decision(Optional.of(P1), AT, false, before, List.of(),
            EARNED.postings(), List.of(), List.of(), List.of(REFUSED)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a refused decision must not change anything (activity p-1)");
    assertThatThrownBy(() -> new Decision(Optional.of(P1), AT, false, before,
            List.of(EARNED_25), List.of(), List.of(), List.of(), List.of(SKIPPED, REFUSED)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activity p-1");
    assertThatThrownBy(() -> new Decision(Optional.of(P1), AT, false, before, List.of(),
            List.of(), List.of(new ProgramStateChange.PrizeAwarded(DrawId.of("weekly"),
                org.loyaltyrules.core.PrizeId.of("trip"), 1)),
            List.of(), List.of(REFUSED)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not change anything");
  }

  @Test
  void aSkippedRuleDoesNotRefuseTheDecision() {
    Decision d = decision(List.of(EARNED_25), EARNED.postings(), List.of(), List.of(SKIPPED));

    assertThat(d.isRefused()).isFalse();
    assertThat(d.errors()).containsExactly(SKIPPED);
  }

  @Test
  void theMembersStateMustBeAsOfTheDecisionUnlessRefused() {
    assertThatThrownBy(() -> new Decision(Optional.of(P1), AT, false, ENROLLED_MEMBER, List.of(),
            List.of(), List.of(), List.of(), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision at 2026-02-01T18:30:00Z: the member's state is as of "
            + "2026-01-15T17:00:00Z");
    assertThatThrownBy(() -> new Decision(Optional.of(P1), AT.plusNanos(1), false, MEMBER,
            List.of(), List.of(), List.of(), List.of(), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decision at 2026-02-01T18:30:00.000000001Z");
  }

  @Test
  void advancesAndReplays() {
    Decision advance = new Decision(Optional.empty(), AT, false, MEMBER, List.of(), List.of(),
        List.of(), List.of(), List.of());
    Decision replay = new Decision(Optional.of(P1), AT, true, MEMBER, List.of(), List.of(),
        List.of(), List.of(), List.of());

    assertThat(advance.activity()).isEmpty();
    assertThat(replay.replay()).isTrue();
    assertThatThrownBy(() -> new Decision(Optional.empty(), AT, true, MEMBER, List.of(),
            List.of(), List.of(), List.of(), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("an advance cannot be a replay");
  }

  @Test
  void partsAreCopiedAndMustHoldNoNull() {
    List<Effect> effects = new ArrayList<>(List.of(EARNED_25));
    Decision d = decision(effects, EARNED.postings(), List.of(), List.of());
    effects.add(FREE_SHIPPING);

    assertThat(d.effects()).containsExactly(EARNED_25);
    assertThatThrownBy(() -> d.effects().add(TO_GOLD))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> decision(Arrays.asList(EARNED_25, null), EARNED.postings(),
            List.of(), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision effects[1] must not be null");
    assertThatThrownBy(() -> new Decision(Optional.of(P1), null, false, MEMBER, List.of(),
            List.of(), List.of(), List.of(), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision instant must not be null");
    assertThatThrownBy(() -> new Decision(Optional.of(P1), AT, false, MEMBER, List.of(),
            List.of(), List.of(), null, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision trace must not be null");
  }

  @Test
  void decisionErrors() {
    assertThat(REFUSED.refusesDecision()).isTrue();
    assertThat(SKIPPED.refusesDecision()).isFalse();
    assertThat(SKIPPED.rule()).contains(RuleId.of("bonus"));
    assertThatThrownBy(() -> new DecisionError(Optional.empty(), " ",
            Consequence.RULE_SKIPPED))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("error message must not be blank, was ' '");
    assertThatThrownBy(() -> new DecisionError(Optional.empty(), "bad", null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("error consequence must not be null");
  }
}
