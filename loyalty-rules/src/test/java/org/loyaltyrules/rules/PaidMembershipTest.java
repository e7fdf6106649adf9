package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.MembershipFeeRefund;
import org.loyaltyrules.core.activity.MembershipTrial;
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
import org.loyaltyrules.core.program.MemberDiscount;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.LineFilter;

/** Paid memberships with Amazon Prime's and REI Co-op's figures. */
class PaidMembershipTest {
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final PlanId PRIME = PlanId.of("prime");
  private static final PlanId REI = PlanId.of("rei-coop");
  private static final Effect FREE_SHIPPING = new Effect.PerkGranted("free-shipping",
      "plan prime");

  private static CompiledProgram program(Dividend.ReturnPolicy onReturn) {
    return LoyaltyRules.compile(Program.builder(ProgramId.of("shop"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .plan(MembershipPlan.recurring("prime", "Prime", Money.of("139", "USD"), Period.ofYears(1),
                Set.of("free-shipping")).withTrial(Period.ofDays(30)).withGrace(Period.ofDays(7))
            .withDiscount(new MemberDiscount(BigDecimal.TEN, LineFilter.categories("grocery"))))
        .plan(MembershipPlan.lifetime("rei-coop", "REI Co-op", Money.of("20", "USD"), Set.of())
            .withDividend(new Dividend(BigDecimal.TEN, onReturn, Optional.empty())))
        .build());
  }

  private static final CompiledProgram SHOP = program(Dividend.ReturnPolicy.KEEP);

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 12, 0).atZone(ZONE).toInstant();
  }

  private static Purchase order(String id, Instant at, String category, String amount) {
    return Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "sku", category, 1, Money.of(amount, "USD"))).build();
  }

  private static Decision decide(CompiledProgram p, Member m,
      org.loyaltyrules.core.activity.Activity a) {
    return p.decide(STATE, m, a, a.occurredAt(), RANDOM);
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(2026, 1, 5));
  }

  private static MembershipFeePayment prime(String id, Instant at) {
    return new MembershipFeePayment(ActivityId.of(id), at, PRIME, Money.of("139", "USD"));
  }

  @Test
  void primeGivesFreeShippingWhileActiveAndNoneTheDayAfterItsTermEnds() {
    Decision joined = decide(SHOP, ana(), prime("fee-1", at(2026, 2, 1)));
    assertThat(joined.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.ACTIVE, Optional.of(at(2027, 2, 1))));

    Decision during = decide(SHOP, joined.member(), order("p-1", at(2026, 6, 1), "books", "25"));
    assertThat(during.effects()).contains(FREE_SHIPPING);
    Decision lastDay = decide(SHOP, during.member(), order("p-2", at(2027, 1, 31), "books",
        "25"));
    assertThat(lastDay.effects()).contains(FREE_SHIPPING);

    Decision dayAfter = decide(SHOP, lastDay.member(), order("p-3", at(2027, 2, 2), "books",
        "25"));

    assertThat(dayAfter.effects()).doesNotContain(FREE_SHIPPING).contains(
        new Effect.MembershipChanged(PRIME, MembershipStatus.GRACE, Optional.of(at(2027, 2, 1))));
    Member lapsed = SHOP.advance(STATE, dayAfter.member(), at(2027, 2, 9)).member();
    assertThat(lapsed.membership(PRIME).orElseThrow().status()).isEqualTo(MembershipStatus.LAPSED);
  }

  @Test
  void aPaymentBeforeTheTermEndsOrWithinGraceExtendsItFromItsEnd() {
    Member joined = decide(SHOP, ana(), prime("fee-1", at(2026, 2, 1))).member();
    Member early = decide(SHOP, joined, prime("fee-2", at(2027, 1, 15))).member();
    assertThat(early.membership(PRIME).orElseThrow().expiresAt()).contains(at(2028, 2, 1));

    Member inGrace = SHOP.advance(STATE, joined, at(2027, 2, 5)).member();
    assertThat(inGrace.membership(PRIME).orElseThrow().status()).isEqualTo(MembershipStatus.GRACE);
    Member renewed = decide(SHOP, inGrace, prime("fee-2", at(2027, 2, 5))).member();
    assertThat(renewed.membership(PRIME).orElseThrow().expiresAt()).contains(at(2028, 2, 1));
    assertThat(renewed.membership(PRIME).orElseThrow().status())
        .isEqualTo(MembershipStatus.ACTIVE);

    Member lapsed = SHOP.advance(STATE, joined, at(2027, 3, 1)).member();
    Member rejoined = decide(SHOP, lapsed, prime("fee-2", at(2027, 3, 1))).member();
    assertThat(rejoined.membership(PRIME).orElseThrow().startedAt()).isEqualTo(at(2027, 3, 1));
    assertThat(rejoined.membership(PRIME).orElseThrow().expiresAt()).contains(at(2028, 3, 1));
  }

  @Test
  void aTrialGivesTheBenefitsAndAFeePaidDuringItBuysTheFollowingTerm() {
    Member trying = decide(SHOP, ana(), new MembershipTrial(ActivityId.of("t-1"),
        at(2026, 2, 1), PRIME)).member();
    assertThat(trying.membership(PRIME).orElseThrow().status()).isEqualTo(MembershipStatus.TRIAL);
    assertThat(decide(SHOP, trying, order("p-1", at(2026, 2, 10), "books", "10")).effects())
        .contains(FREE_SHIPPING);
    Member paid = decide(SHOP, trying, prime("fee-1", at(2026, 2, 20))).member();

    Decision trialEnds = SHOP.advance(STATE, paid, at(2026, 3, 4));

    assertThat(trialEnds.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.ACTIVE, Optional.of(at(2027, 3, 3))));
    assertThatThrownBy(() -> decide(SHOP, paid, new MembershipTrial(ActivityId.of("t-2"),
        at(2026, 2, 21), PRIME)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership trial t-2: the member has held plan prime before, and a trial "
            + "is for new members");
  }

  @Test
  void aRefundCancelsTheTermAtOnceAndBadFeesAreRefusedNamingThem() {
    Member joined = decide(SHOP, ana(), prime("fee-1", at(2026, 2, 1))).member();
    Decision refunded = decide(SHOP, joined, new MembershipFeeRefund(ActivityId.of("rf-1"),
        at(2026, 3, 1), PRIME, Money.of("139", "USD"), ActivityId.of("fee-1")));
    assertThat(refunded.effects()).containsExactly(new Effect.MembershipChanged(PRIME,
        MembershipStatus.CANCELLED, Optional.of(at(2026, 3, 1))));
    assertThat(decide(SHOP, refunded.member(), order("p-1", at(2026, 3, 2), "books", "10"))
        .effects()).doesNotContain(FREE_SHIPPING);

    assertThatThrownBy(() -> decide(SHOP, ana(), new MembershipFeePayment(ActivityId.of("f"),
        at(2026, 2, 1), PRIME, Money.of("99", "USD"))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership fee payment f: amount must be plan prime's fee, USD 139.00, was "
            + "USD 99.00");
    assertThatThrownBy(() -> decide(SHOP, joined, new MembershipFeeRefund(ActivityId.of("rf-1"),
        at(2026, 3, 1), PRIME, Money.of("139", "USD"), ActivityId.of("fee-9"))))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("unknown payment 'fee-9'");
  }

  @Test
  void theMemberDiscountCoversTheLinesItNames() {
    Member joined = decide(SHOP, ana(), prime("fee-1", at(2026, 2, 1))).member();
    Purchase basket = Purchase.builder(ActivityId.of("p-1"), at(2026, 3, 1))
        .line(PurchaseLine.of("l1", "milk", "grocery", 2, Money.of("3.15", "USD")))
        .line(PurchaseLine.of("l2", "book", "books", 1, Money.of("20", "USD"))).build();

    assertThat(decide(SHOP, joined, basket).effects()).contains(new Effect.DiscountGranted(
        PRIME, Money.of("0.63", "USD")));
  }

  @Test
  void reiPaysTenPercentOfLastYearsMemberSpendAndNothingForSpendBeforeJoining() {
    Member m = decide(SHOP, ana(), order("p-0", at(2026, 1, 10), "gear", "300")).member();
    m = decide(SHOP, m, new MembershipFeePayment(ActivityId.of("fee-1"), at(2026, 2, 1), REI,
        Money.of("20", "USD"))).member();
    m = decide(SHOP, m, order("p-1", at(2026, 5, 1), "gear", "200")).member();
    m = decide(SHOP, m, order("p-2", at(2026, 11, 1), "gear", "300")).member();

    Decision newYear = SHOP.advance(STATE, m, at(2027, 1, 1));

    Voucher dividend = newYear.member().vouchers().values().iterator().next();
    assertThat(dividend.value()).isEqualTo(Money.of("50.00", "USD"));
    assertThat(dividend.issuedAt()).isEqualTo(at(2027, 1, 1).minusSeconds(12 * 3600));
    assertThat(newYear.effects()).containsExactly(new Effect.VoucherIssued(dividend));
    assertThat(SHOP.advance(STATE, newYear.member(), at(2027, 1, 1)).effects())
        .as("advancing again to the same instant").isEmpty();
  }

  @Test
  void aReturnAfterTheDividendFollowsThePlansPolicy() {
    for (Dividend.ReturnPolicy policy : Dividend.ReturnPolicy.values()) {
      CompiledProgram shop = program(policy);
      Member m = decide(shop, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
          at(2026, 2, 1), REI, Money.of("20", "USD"))).member();
      m = decide(shop, m, order("p-1", at(2026, 12, 20), "gear", "500")).member();
      m = shop.advance(STATE, m, at(2027, 1, 2)).member();

      Decision returned = decide(shop, m, Return.of(ActivityId.of("r-1"), at(2027, 1, 5),
          ActivityId.of("p-1"), List.of(ReturnLine.of("l1", 1))));

      assertThat(returned.effects()).contains(new Effect.DividendAdjusted(REI, 2026,
          Money.of("50.00", "USD"), policy));
      Member later = decide(shop, returned.member(), order("p-2", at(2027, 6, 1), "gear",
          "800")).member();
      Member next = shop.advance(STATE, later, at(2028, 1, 2)).member();
      Money second = next.vouchers().get(org.loyaltyrules.core.VoucherId.of(
          "dividend:rei-coop:2027")).value();
      assertThat(second).as(policy.toString()).isEqualTo(Money.of(
          policy == Dividend.ReturnPolicy.KEEP ? "80.00" : "30.00", "USD"));
      assertThat(next.vouchers().get(org.loyaltyrules.core.VoucherId.of(
          "dividend:rei-coop:2026")).status()).isEqualTo(VoucherStatus.ISSUED);
    }
  }

  @Test
  void spendReportedAfterItsYearsDividendCountsTowardNoneAndItsReturnTakesNothingBack() {
    CompiledProgram shop = program(Dividend.ReturnPolicy.REDUCE_NEXT);
    Member m = decide(shop, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 2, 1), REI, Money.of("20", "USD"))).member();
    m = decide(shop, m, order("p-1", at(2026, 6, 1), "gear", "100")).member();
    m = shop.advance(STATE, m, at(2027, 1, 2)).member();
    Purchase late = order("p-late", at(2026, 12, 31), "gear", "400");
    m = shop.decide(STATE, m, late, at(2027, 1, 3), RANDOM).member();

    Decision returned = decide(shop, m, Return.of(ActivityId.of("r-1"), at(2027, 1, 4),
        ActivityId.of("p-late"), List.of(ReturnLine.of("l1", 1))));

    assertThat(returned.effects()).noneMatch(e -> e instanceof Effect.DividendAdjusted);
    Member later = decide(shop, returned.member(), order("p-2", at(2027, 6, 1), "gear", "100"))
        .member();
    Member next = shop.advance(STATE, later, at(2028, 1, 2)).member();
    assertThat(next.vouchers().get(org.loyaltyrules.core.VoucherId.of("dividend:rei-coop:2027"))
        .value()).isEqualTo(Money.of("10.00", "USD"));
  }

  @Test
  void aMembershipRefundedBeforeTheYearClosesEarnsNoDividend() {
    CompiledProgram monthly = LoyaltyRules.compile(Program.builder(ProgramId.of("coop"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"))
        .plan(MembershipPlan.recurring("rei-coop", "Co-op", Money.of("20", "USD"),
            Period.ofYears(1), Set.of()).withDividend(Dividend.of(BigDecimal.TEN)))
        .build());
    Member m = decide(monthly, ana(), new MembershipFeePayment(ActivityId.of("fee-1"),
        at(2026, 2, 1), REI, Money.of("20", "USD"))).member();
    m = decide(monthly, m, order("p-1", at(2026, 3, 1), "gear", "500")).member();
    m = decide(monthly, m, new MembershipFeeRefund(ActivityId.of("rf-1"), at(2026, 4, 1), REI,
        Money.of("20", "USD"), ActivityId.of("fee-1"))).member();

    Decision newYear = monthly.advance(STATE, m, at(2027, 1, 2));

    assertThat(newYear.member().vouchers()).isEmpty();
  }
}
