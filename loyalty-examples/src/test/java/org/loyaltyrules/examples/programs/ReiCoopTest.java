package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.ReiCoop.CO_OP;

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
import org.loyaltyrules.core.VoucherId;
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
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/** REI Co-op's published figures, decided by the library. */
class ReiCoopTest {
  private static final CompiledProgram REI = LoyaltyRules.compile(ReiCoop.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final VoucherId DIVIDEND_2026 = VoucherId.of("dividend:co-op:2026");
  private static final VoucherId DIVIDEND_2027 = VoucherId.of("dividend:co-op:2027");

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ReiCoop.ZONE).toInstant();
  }

  private static Instant newYear(int year) {
    return LocalDateTime.of(year, 1, 1, 0, 0).atZone(ReiCoop.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(2026, 1, 5));
  }

  private static Decision decide(Member member, Activity activity) {
    return REI.decide(STATE, member, activity, activity.occurredAt(), RANDOM);
  }

  private static Member buy(Member member, String id, Instant at, String amount) {
    return decide(member, Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "tent", "camping", 1, Money.of(amount, "USD"))).build())
        .member();
  }

  private static MembershipFeePayment fee(String id, Instant at) {
    return new MembershipFeePayment(ActivityId.of(id), at, CO_OP, Money.of("20", "USD"));
  }

  private static Member join(Member member, Instant at) {
    return decide(member, fee("fee-1", at)).member();
  }

  @Test
  void aOneTimeTwentyDollarFeeForALifetimeMembershipWithATenPercentDividend() {
    MembershipPlan plan = ReiCoop.program().plans().get(CO_OP);
    assertThat(ReiCoop.program().plans()).containsOnlyKeys(CO_OP);
    assertThat(plan.fee()).isEqualTo(Money.of("20.00", "USD"));
    assertThat(plan.isLifetime()).isTrue();
    assertThat(plan.term()).isEmpty();
    Dividend dividend = plan.dividend().orElseThrow();
    assertThat(dividend.percent()).isEqualByComparingTo("10");
    assertThat(dividend.onReturn()).as("choice").isEqualTo(Dividend.ReturnPolicy.REDUCE_NEXT);
    assertThat(dividend.validity()).as("choice").contains(Period.ofYears(1));
  }

  @Test
  void joiningIsForLifeAndNeverLapses() {
    Decision joined = decide(ana(), fee("fee-1", at(2026, 2, 1)));
    assertThat(joined.effects()).containsExactly(new Effect.MembershipChanged(CO_OP,
        MembershipStatus.ACTIVE, Optional.empty()));

    Member years = REI.advance(STATE, joined.member(), at(2036, 2, 2)).member();

    assertThat(years.membership(CO_OP).orElseThrow().status()).isEqualTo(MembershipStatus.ACTIVE);
    assertThat(years.membership(CO_OP).orElseThrow().expiresAt()).isEmpty();
  }

  @Test
  void fiveHundredDollarsSpentIn2026AsAMemberGiveFiftyDollarsAtTheStartOf2027() {
    Member m = join(ana(), at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 5, 1), "200.00");
    m = buy(m, "p-2", at(2026, 11, 1), "300.00");
    assertThat(m.vouchers()).as("nothing before the year closes").isEmpty();
    Member lastEvening = REI.advance(STATE, m, newYear(2027).minusSeconds(1)).member();
    assertThat(lastEvening.vouchers()).isEmpty();

    Decision newYear = REI.advance(STATE, lastEvening, newYear(2027));

    Voucher dividend = newYear.member().vouchers().get(DIVIDEND_2026);
    assertThat(dividend.value()).isEqualTo(Money.of("50.00", "USD"));
    assertThat(dividend.value().toString()).isEqualTo("USD 50.00");
    assertThat(dividend.issuedAt()).isEqualTo(newYear(2027));
    assertThat(dividend.expiresAt()).as("valid one year (choice)").contains(newYear(2028));
    assertThat(dividend.status()).isEqualTo(VoucherStatus.ISSUED);
    assertThat(newYear.effects()).containsExactly(new Effect.VoucherIssued(dividend));
  }

  @Test
  void spendBeforeJoiningCountsForNothing() {
    Member m = buy(ana(), "p-0", at(2026, 1, 10), "300.00");
    m = join(m, at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 6, 1), "500.00");

    Member next = REI.advance(STATE, m, newYear(2027)).member();

    assertThat(next.vouchers().values()).extracting(Voucher::value)
        .as("10 % of $500, not of $800").containsExactly(Money.of("50.00", "USD"));
  }

  @Test
  void aNonMemberGetsNoDividend() {
    Member m = buy(ana(), "p-0", at(2026, 6, 1), "500.00");
    Decision next = REI.advance(STATE, m, newYear(2027));
    assertThat(next.member().vouchers()).isEmpty();
    assertThat(next.effects()).isEmpty();
  }

  @Test
  void theDividendIsIssuedExactlyOnceEvenIfTimeIsAdvancedTwiceToTheSameInstant() {
    Member m = join(ana(), at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 6, 1), "500.00");

    Decision first = REI.advance(STATE, m, newYear(2027));
    Decision again = REI.advance(STATE, first.member(), newYear(2027));
    Decision later = REI.advance(STATE, again.member(), at(2027, 1, 2));

    assertThat(first.effects(Effect.VoucherIssued.class)).hasSize(1);
    assertThat(again.effects()).as("advancing again to the same instant").isEmpty();
    assertThat(again.member().vouchers()).isEqualTo(first.member().vouchers());
    assertThat(later.effects()).isEmpty();
    assertThat(later.member().vouchers()).hasSize(1).containsKey(DIVIDEND_2026);
  }

  @Test
  void aReturnBeforeTheDividendIsIssuedLowersIt() {
    Member m = join(ana(), at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 6, 1), "500.00");
    Decision returned = decide(m, Return.of(ActivityId.of("r-1"), at(2026, 6, 10),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))));
    assertThat(returned.effects(Effect.DividendAdjusted.class)).as("nothing issued yet")
        .isEmpty();
    Member bought = buy(returned.member(), "p-2", at(2026, 7, 1), "120.00");

    Member next = REI.advance(STATE, bought, newYear(2027)).member();

    assertThat(next.vouchers().get(DIVIDEND_2026).value()).isEqualTo(Money.of("12.00", "USD"));
  }

  @Test
  void aReturnAfterTheDividendReducesTheNextOneAndTheDecisionSaysSo() {
    Member m = join(ana(), at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 12, 20), "500.00");
    m = REI.advance(STATE, m, at(2027, 1, 2)).member();
    assertThat(m.vouchers().get(DIVIDEND_2026).value()).isEqualTo(Money.of("50.00", "USD"));

    Decision returned = decide(m, Return.of(ActivityId.of("r-1"), at(2027, 1, 5),
        ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))));

    assertThat(returned.effects(Effect.DividendAdjusted.class)).containsExactly(
        new Effect.DividendAdjusted(CO_OP, 2026, Money.of("50.00", "USD"),
            Dividend.ReturnPolicy.REDUCE_NEXT));
    assertThat(returned.member().vouchers().get(DIVIDEND_2026).status())
        .as("the dividend issued is kept").isEqualTo(VoucherStatus.ISSUED);

    Member later = buy(returned.member(), "p-2", at(2027, 6, 1), "800.00");
    Decision next = REI.advance(STATE, later, newYear(2028));

    assertThat(next.member().vouchers().get(DIVIDEND_2027).value())
        .as("10 % of $800 less the $50 of the returned spend")
        .isEqualTo(Money.of("30.00", "USD"));
  }

  @Test
  void aDividendVoucherExpiresAfterOneYear() {
    Member m = join(ana(), at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 6, 1), "500.00");
    m = REI.advance(STATE, m, newYear(2027)).member();
    Member stillValid = REI.advance(STATE, m, newYear(2028).minusSeconds(1)).member();
    assertThat(stillValid.vouchers().get(DIVIDEND_2026).status()).isEqualTo(VoucherStatus.ISSUED);

    Decision expired = REI.advance(STATE, stillValid, newYear(2028));

    assertThat(expired.member().vouchers().get(DIVIDEND_2026).status())
        .isEqualTo(VoucherStatus.EXPIRED);
    assertThat(expired.effects(Effect.VoucherExpired.class)).hasSize(1);
  }

  @Test
  void payingTheFeeAgainWhileALifetimeMemberIsRefused() {
    Member m = join(ana(), at(2026, 2, 1));

    assertThatThrownBy(() -> decide(m, fee("fee-2", at(2027, 2, 1))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment fee-2: member already holds a lifetime membership "
            + "of plan co-op");
    assertThat(m.membership(CO_OP).orElseThrow().payment()).isEqualTo(ActivityId.of("fee-1"));
  }

  @Test
  void aFeeOfAnyOtherAmountIsRefused() {
    assertThatThrownBy(() -> decide(ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 2, 1), CO_OP, Money.of("30", "USD"))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment fee-1: amount must be plan co-op's fee, USD 20.00, "
            + "was USD 30.00");
  }

  @Test
  void theUnitEveryProgramNeedsStaysUnused() {
    Member m = join(ana(), at(2026, 2, 1));
    m = buy(m, "p-1", at(2026, 6, 1), "500.00");
    m = REI.advance(STATE, m, newYear(2027)).member();
    assertThat(ReiCoop.program().earnRules()).isEmpty();
    assertThat(m.available(ReiCoop.POINTS)).isZero();
    assertThat(m.ledger().postings()).isEmpty();
  }
}
