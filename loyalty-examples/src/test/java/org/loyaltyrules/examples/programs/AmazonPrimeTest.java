package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.AmazonPrime.FREE_TWO_DAY_SHIPPING;
import static org.loyaltyrules.examples.programs.AmazonPrime.PRIME;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.MembershipFeeRefund;
import org.loyaltyrules.core.activity.MembershipTrial;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** Amazon Prime's published figures, decided by the library. */
class AmazonPrimeTest {
  private static final CompiledProgram PRIME_PROGRAM = LoyaltyRules.compile(AmazonPrime.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final Effect FREE_SHIPPING = new Effect.PerkGranted(FREE_TWO_DAY_SHIPPING,
      "plan prime");

  private static Instant at(int year, int month, int day) {
    return at(year, month, day, 12, 0);
  }

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(AmazonPrime.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(2026, 1, 5));
  }

  private static Decision decide(Member member, Activity activity) {
    return PRIME_PROGRAM.decide(STATE, member, activity, activity.occurredAt(), RANDOM);
  }

  private static Decision order(Member member, String id, Instant at) {
    return decide(member, Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "kettle", "kitchen", 1, Money.of("25.00", "USD"))).build());
  }

  private static MembershipFeePayment fee(String id, Instant at, String amount) {
    return new MembershipFeePayment(ActivityId.of(id), at, PRIME, Money.of(amount, "USD"));
  }

  private static MembershipFeePayment fee(String id, Instant at) {
    return fee(id, at, "139");
  }

  private static Membership prime(Member member) {
    return member.membership(PRIME).orElseThrow();
  }

  @Test
  void oneAnnualPlanOf139DollarsAYearWithFreeTwoDayShipping() {
    MembershipPlan plan = AmazonPrime.program().plans().get(PRIME);
    assertThat(AmazonPrime.program().plans()).containsOnlyKeys(PRIME);
    assertThat(plan.fee()).isEqualTo(Money.of("139.00", "USD"));
    assertThat(plan.term()).contains(Period.ofYears(1));
    assertThat(plan.perks()).containsExactly("free-two-day-shipping");
    assertThat(plan.trial()).as("30-day trial (choice)").contains(Period.ofDays(30));
    assertThat(plan.grace()).as("no grace period (choice)").isEqualTo(Period.ZERO);
    assertThat(plan.dividend()).isEmpty();
    assertThat(plan.discount()).isEmpty();
  }

  @Test
  void ordersWhileActiveShipFreeAndAnOrderTheDayAfterTheTermEndsDoesNot() {
    Decision joined = decide(ana(), fee("fee-1", at(2026, 2, 1)));
    assertThat(joined.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.ACTIVE, Optional.of(at(2027, 2, 1))));

    Decision first = order(joined.member(), "o-1", at(2026, 2, 1, 12, 5));
    assertThat(first.effects()).contains(FREE_SHIPPING);
    Decision summer = order(first.member(), "o-2", at(2026, 7, 15));
    assertThat(summer.effects()).contains(FREE_SHIPPING);
    Decision lastMinute = order(summer.member(), "o-3", at(2027, 2, 1, 11, 59));
    assertThat(lastMinute.effects()).as("the last minute of the term").contains(FREE_SHIPPING);
    assertThat(prime(lastMinute.member()).status()).isEqualTo(MembershipStatus.ACTIVE);

    Decision dayAfter = order(lastMinute.member(), "o-4", at(2027, 2, 2));

    assertThat(dayAfter.effects()).doesNotContain(FREE_SHIPPING)
        .filteredOn(e -> e instanceof Effect.PerkGranted).isEmpty();
    assertThat(dayAfter.effects()).as("no grace: lapsed as the term ended")
        .contains(new Effect.MembershipChanged(PRIME, MembershipStatus.LAPSED,
            Optional.of(at(2027, 2, 1))));
    assertThat(prime(dayAfter.member()).status()).isEqualTo(MembershipStatus.LAPSED);
  }

  @Test
  void theMembershipLapsesTheMomentItsTermEnds() {
    Member joined = decide(ana(), fee("fee-1", at(2026, 2, 1))).member();

    Decision justBefore = PRIME_PROGRAM.advance(STATE, joined, at(2027, 2, 1).minusSeconds(1));
    assertThat(justBefore.effects()).isEmpty();
    assertThat(prime(justBefore.member()).status()).isEqualTo(MembershipStatus.ACTIVE);

    Decision end = PRIME_PROGRAM.advance(STATE, justBefore.member(), at(2027, 2, 1));
    assertThat(end.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.LAPSED, Optional.of(at(2027, 2, 1))));
    assertThat(prime(end.member()).status()).isEqualTo(MembershipStatus.LAPSED);
    assertThat(order(end.member(), "o-1", at(2027, 2, 1)).effects()).doesNotContain(FREE_SHIPPING);
  }

  @Test
  void aFeePaidBeforeTheTermEndsAddsAYearToItsEndNotToThePayment() {
    Member joined = decide(ana(), fee("fee-1", at(2026, 2, 1))).member();

    Decision renewed = decide(joined, fee("fee-2", at(2027, 1, 15)));

    assertThat(renewed.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.ACTIVE, Optional.of(at(2028, 2, 1))));
    assertThat(prime(renewed.member()).expiresAt()).as("not 2028-01-15")
        .contains(at(2028, 2, 1));
    assertThat(prime(renewed.member()).startedAt()).isEqualTo(at(2026, 2, 1));

    Decision acrossTheOldEnd = order(renewed.member(), "o-1", at(2027, 2, 2));
    assertThat(acrossTheOldEnd.effects()).contains(FREE_SHIPPING)
        .filteredOn(e -> e instanceof Effect.MembershipChanged).isEmpty();
    assertThat(order(acrossTheOldEnd.member(), "o-2", at(2028, 1, 31)).effects())
        .contains(FREE_SHIPPING);
    assertThat(order(acrossTheOldEnd.member(), "o-2", at(2028, 2, 2)).effects())
        .doesNotContain(FREE_SHIPPING);
  }

  @Test
  void aFeePaidAfterTheMembershipLapsedStartsANewYearFromThePayment() {
    Member joined = decide(ana(), fee("fee-1", at(2026, 2, 1))).member();
    Member lapsed = PRIME_PROGRAM.advance(STATE, joined, at(2027, 3, 1)).member();
    assertThat(prime(lapsed).status()).isEqualTo(MembershipStatus.LAPSED);

    Member rejoined = decide(lapsed, fee("fee-2", at(2027, 3, 10))).member();

    assertThat(prime(rejoined).status()).isEqualTo(MembershipStatus.ACTIVE);
    assertThat(prime(rejoined).startedAt()).isEqualTo(at(2027, 3, 10));
    assertThat(prime(rejoined).expiresAt()).contains(at(2028, 3, 10));
  }

  @Test
  void aTrialGivesFreeShippingAndAFeePaidDuringItBuysTheFollowingYear() {
    Decision trial = decide(ana(), new MembershipTrial(ActivityId.of("t-1"), at(2026, 2, 1),
        PRIME));
    assertThat(trial.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.TRIAL, Optional.of(at(2026, 3, 3))));
    Decision during = order(trial.member(), "o-1", at(2026, 2, 10));
    assertThat(during.effects()).contains(FREE_SHIPPING);

    Decision paid = decide(during.member(), fee("fee-1", at(2026, 2, 20)));
    assertThat(paid.effects()).as("the trial runs on; the year follows it").containsExactly(
        new Effect.MembershipChanged(PRIME, MembershipStatus.TRIAL, Optional.of(at(2027, 3, 3))));
    assertThat(order(paid.member(), "o-2", at(2026, 2, 25)).effects()).contains(FREE_SHIPPING);

    Decision trialEnds = PRIME_PROGRAM.advance(STATE, paid.member(), at(2026, 3, 3));
    assertThat(trialEnds.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.ACTIVE, Optional.of(at(2027, 3, 3))));
    assertThat(order(trialEnds.member(), "o-3", at(2027, 3, 2)).effects())
        .contains(FREE_SHIPPING);
    assertThat(order(trialEnds.member(), "o-3", at(2027, 3, 4)).effects())
        .doesNotContain(FREE_SHIPPING);

    assertThatThrownBy(() -> decide(paid.member(), new MembershipTrial(ActivityId.of("t-2"),
        at(2026, 2, 21), PRIME)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership trial t-2: the member has held plan prime before, and a trial "
            + "is for new members");
  }

  @Test
  void aTrialNotPaidForLapsesAfterThirtyDays() {
    Member trial = decide(ana(), new MembershipTrial(ActivityId.of("t-1"), at(2026, 2, 1),
        PRIME)).member();
    assertThat(order(trial, "o-1", at(2026, 3, 3, 11, 59)).effects()).contains(FREE_SHIPPING);

    Decision after = order(trial, "o-2", at(2026, 3, 4));

    assertThat(after.effects()).doesNotContain(FREE_SHIPPING);
    assertThat(prime(after.member()).status()).isEqualTo(MembershipStatus.LAPSED);
  }

  @Test
  void aRefundCancelsAtOnceAndTheNextOrderHasNoFreeShipping() {
    Member joined = decide(ana(), fee("fee-1", at(2026, 2, 1))).member();

    Decision refunded = decide(joined, new MembershipFeeRefund(ActivityId.of("rf-1"),
        at(2026, 3, 1), PRIME, Money.of("139", "USD"), ActivityId.of("fee-1")));

    assertThat(refunded.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.CANCELLED, Optional.of(at(2026, 3, 1))));
    assertThat(prime(refunded.member()).status()).isEqualTo(MembershipStatus.CANCELLED);
    Decision next = order(refunded.member(), "o-1", at(2026, 3, 1, 12, 1));
    assertThat(next.effects()).doesNotContain(FREE_SHIPPING)
        .filteredOn(e -> e instanceof Effect.PerkGranted).isEmpty();
  }

  @Test
  void aFeeOfAnyOtherAmountIsRefusedNamingBothAmounts() {
    Member ana = ana();
    for (String wrong : new String[] {"99", "139.01", "119"}) {
      assertThatThrownBy(() -> decide(ana, fee("fee-x", at(2026, 2, 1), wrong)))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("membership fee payment fee-x: amount must be plan prime's fee, "
              + "USD 139.00, was " + Money.of(wrong, "USD"));
    }
    assertThatThrownBy(() -> decide(ana, fee("fee-x", at(2026, 2, 1), "99")))
        .hasMessageContaining("USD 139.00").hasMessageContaining("USD 99.00");
    assertThat(ana.memberships()).isEmpty();
  }

  @Test
  void theUnitEveryProgramNeedsStaysUnused() {
    Member m = decide(ana(), fee("fee-1", at(2026, 2, 1))).member();
    m = order(m, "o-1", at(2026, 3, 1)).member();
    assertThat(AmazonPrime.program().units().keySet()).containsExactly(AmazonPrime.POINTS);
    assertThat(AmazonPrime.program().earnRules()).isEmpty();
    assertThat(m.available(AmazonPrime.POINTS)).isZero();
    assertThat(m.ledger().postings()).isEmpty();
    assertThat(Set.copyOf(m.memberships().keySet())).containsExactly(PRIME);
  }
}
