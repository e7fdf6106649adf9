package org.loyaltyrules.core.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.InstantBeforeStateException;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.ledger.LedgerPolicy;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.program.PointUnit;

class MemberTest {
  private static final MemberId M1 = MemberId.of("m-1");
  private static final UnitId STARS = UnitId.of("stars");
  private static final Instant ENROLLED = Instant.parse("2026-01-15T17:00:00Z");
  private static final Instant LATER = Instant.parse("2026-02-01T18:30:00Z");
  private static final LedgerPolicy POLICY = LedgerPolicy.of(ZoneId.of("America/Los_Angeles"),
      Duration.ofDays(400), List.of(PointUnit.redeemable("stars", "Stars")));
  private static final TierId GOLD = TierId.of("gold");

  private final Member enrolled = Member.enroll(M1, ENROLLED);

  /** The member's ledger after earning 25 stars (2 stars per $1 on a $12.99 order) at LATER. */
  private Ledger earned25() {
    LedgerTransaction tx = enrolled.ledger().begin(POLICY, ActivityId.of("p-1"), LATER, LATER);
    tx.earn(STARS, 25, Attribution.rule(RuleId.of("base")));
    return tx.commit().ledger();
  }

  private static Voucher voucher(String id, Instant issuedAt) {
    return new Voucher(VoucherId.of(id), Money.of("5", "USD"), issuedAt, Optional.empty(),
        ActivityId.of("p-1"), VoucherStatus.ISSUED);
  }

  private static Membership prime(Instant startedAt) {
    return Membership.of(PlanId.of("prime"), MembershipStatus.ACTIVE, new FeeTerm(
        ActivityId.of("fee-1"), Money.of("139", "USD"), startedAt,
        Optional.of(startedAt.plus(Duration.ofDays(365)))));
  }

  @Test
  void enrollGivesAnEmptyStateAsOfEnrollment() {
    assertThat(enrolled.id()).isEqualTo(M1);
    assertThat(enrolled.enrolledAt()).isEqualTo(ENROLLED);
    assertThat(enrolled.asOf()).isEqualTo(ENROLLED);
    assertThat(enrolled.ledger()).isEqualTo(Ledger.open(M1, ENROLLED));
    assertThat(enrolled.ledger().postings()).isEmpty();
    assertThat(enrolled.available(STARS)).isZero();
    assertThat(enrolled.pending(STARS)).isZero();
    assertThat(enrolled.profile()).isEqualTo(MemberProfile.empty());
    assertThat(enrolled.tier()).isEmpty();
    assertThat(enrolled.tierId()).isEmpty();
    assertThat(enrolled.memberships()).isEmpty();
    assertThat(enrolled.membership(PlanId.of("prime"))).isEmpty();
    assertThat(enrolled.vouchers()).isEmpty();
    assertThat(enrolled.progress()).isEmpty();
    assertThat(enrolled.progress("coffee-card")).isEqualByComparingTo("0");
    assertThat(enrolled.purchases()).isEqualTo(PurchaseHistory.empty());
    assertThat(enrolled.isClosed()).isFalse();
  }

  @Test
  void enrollRejectsNulls() {
    assertThatThrownBy(() -> Member.enroll(null, ENROLLED))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member id must not be null");
    assertThatThrownBy(() -> Member.enroll(M1, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: enrolled at must not be null");
  }

  @Test
  void withersReturnNewMembersAndLeaveTheOriginalUnchanged() {
    MemberProfile profile = MemberProfile.empty().withBirthday(LocalDate.of(1990, 7, 4))
        .withSegments(Set.of("students"));
    Purchase purchase = Purchase.builder(ActivityId.of("p-1"), ENROLLED)
        .line(PurchaseLine.of("l1", "LATTE", "drinks", 1, Money.of("5.45", "USD"))).build();

    Member changed = enrolled
        .withProfile(profile)
        .withTier(TierStatus.of(GOLD, ENROLLED))
        .withMembership(prime(ENROLLED))
        .withVoucher(voucher("v-1", ENROLLED))
        .withProgress("coffee-card", BigDecimal.valueOf(3))
        .withPurchases(PurchaseHistory.empty().withPurchase(purchase));

    assertThat(changed).isNotSameAs(enrolled).isNotEqualTo(enrolled);
    assertThat(changed.profile().inSegment("students")).isTrue();
    assertThat(changed.tierId()).contains(GOLD);
    assertThat(changed.membership(PlanId.of("prime"))).contains(prime(ENROLLED));
    assertThat(changed.vouchers()).containsOnlyKeys(VoucherId.of("v-1"));
    assertThat(changed.progress("coffee-card")).isEqualByComparingTo("3");
    assertThat(changed.purchases().record(ActivityId.of("p-1"))).isPresent();

    assertThat(enrolled).isEqualTo(Member.enroll(M1, ENROLLED));
    assertThat(enrolled.profile()).isEqualTo(MemberProfile.empty());
    assertThat(enrolled.tier()).isEmpty();
    assertThat(enrolled.memberships()).isEmpty();
    assertThat(enrolled.vouchers()).isEmpty();
    assertThat(enrolled.progress()).isEmpty();
    assertThat(enrolled.purchases().records()).isEmpty();
    assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
  }

  @Test
  void withLedgerTakesANewerLedgerOfTheSameMember() {
    Ledger ledger = earned25();

    Member after = enrolled.withLedger(ledger);

    assertThat(after.asOf()).isEqualTo(LATER);
    assertThat(after.available(STARS)).isEqualTo(25);
    assertThat(after.enrolledAt()).isEqualTo(ENROLLED);
    assertThat(enrolled.available(STARS)).isZero();
    assertThat(enrolled.asOf()).isEqualTo(ENROLLED);
  }

  @Test
  void withLedgerRejectsAnOlderLedger() {
    Member after = enrolled.withLedger(earned25());

    InstantBeforeStateException e = catchThrowableOfType(InstantBeforeStateException.class,
        () -> after.withLedger(Ledger.open(M1, ENROLLED)));

    assertThat(e).isNotNull()
        .hasMessage("instant 2026-01-15T17:00:00Z is before the state's as-of instant "
            + "2026-02-01T18:30:00Z");
    assertThat(e.asOf()).isEqualTo(LATER);
    assertThat(e.instant()).isEqualTo(ENROLLED);
    assertThat(after.available(STARS)).isEqualTo(25);
  }

  @Test
  void withLedgerRejectsAnotherMembersLedger() {
    assertThatThrownBy(() -> enrolled.withLedger(Ledger.open(MemberId.of("m-2"), LATER)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: the ledger is member m-2's");
    assertThatThrownBy(() -> enrolled.withLedger(earned25()).withLedger(
            Ledger.open(MemberId.of("m-2"), ENROLLED)))
        .as("an older ledger of another member is reported as the wrong member")
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: the ledger is member m-2's");
    assertThatThrownBy(() -> Member.builder(M1, ENROLLED, Ledger.open(MemberId.of("m-2"),
            ENROLLED)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m-2");
    assertThatThrownBy(() -> enrolled.withLedger(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: ledger must not be null");
  }

  @Test
  void checkNotBefore() {
    assertThat(enrolled.checkNotBefore(ENROLLED)).isEqualTo(ENROLLED);
    assertThat(enrolled.checkNotBefore(LATER)).isEqualTo(LATER);

    Instant justBefore = ENROLLED.minusNanos(1);
    assertThatThrownBy(() -> enrolled.checkNotBefore(justBefore))
        .isExactlyInstanceOf(InstantBeforeStateException.class)
        .hasMessageContaining("instant 2026-01-15T16:59:59.999999999Z")
        .hasMessageContaining("as-of instant 2026-01-15T17:00:00Z");
    assertThatThrownBy(() -> enrolled.checkNotBefore(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: instant must not be null");
  }

  @Test
  void progressCounters() {
    Member three = enrolled.withProgress("coffee-card", new BigDecimal("3.00"))
        .withProgress("spend-35", new BigDecimal("12.50"));

    assertThat(three.progress()).containsOnlyKeys("coffee-card", "spend-35");
    assertThat(three.progress("coffee-card")).isEqualTo(new BigDecimal("3"));
    assertThat(three.progress("spend-35")).isEqualTo(new BigDecimal("12.5"));
    assertThat(three.withProgress("coffee-card", new BigDecimal("3")))
        .as("3.00 and 3 are the same progress").isEqualTo(three);

    Member reset = three.withProgress("coffee-card", BigDecimal.ZERO);

    assertThat(reset.progress()).as("zero removes the counter").containsOnlyKeys("spend-35");
    assertThat(reset.progress("coffee-card")).isEqualByComparingTo("0");
    assertThat(three.progress("coffee-card")).isEqualByComparingTo("3");
  }

  @Test
  void wholeProgressCountsStayPlainIntegers() {
    Member ten = enrolled.withProgress("coffee-card", BigDecimal.TEN)
        .withProgress("spend", new BigDecimal("100.00"));

    assertThat(ten.progress("coffee-card")).isEqualTo(BigDecimal.TEN);
    assertThat(ten.progress("coffee-card").toString()).isEqualTo("10");
    assertThat(ten.progress("spend").toString()).isEqualTo("100");
  }

  @Test
  void progressRejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> enrolled.withProgress("coffee-card", new BigDecimal("-1")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: progress coffee-card must not be negative, was -1");
    assertThatThrownBy(() -> enrolled.withProgress(" ", BigDecimal.ONE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: progress counter name must not be blank, was ' '");
    assertThatThrownBy(() -> enrolled.withProgress("coffee-card", null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: progress coffee-card must not be null");
  }

  @Test
  void builderRejectsPartsDatedAfterTheState() {
    Instant afterState = ENROLLED.plusSeconds(1);

    assertThatThrownBy(() -> enrolled.withTier(TierStatus.of(GOLD, afterState)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: tier gold since 2026-01-15T17:00:01Z is after the state's "
            + "instant 2026-01-15T17:00:00Z");
    assertThatThrownBy(() -> enrolled.withMembership(prime(afterState)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: membership prime started at 2026-01-15T17:00:01Z, after the "
            + "state's instant 2026-01-15T17:00:00Z");
    assertThatThrownBy(() -> enrolled.withVoucher(voucher("v-9", afterState)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: voucher v-9 issued at 2026-01-15T17:00:01Z, after the state's "
            + "instant 2026-01-15T17:00:00Z");
    Purchase later = Purchase.builder(ActivityId.of("p-9"), afterState)
        .line(PurchaseLine.of("l1", "latte", "drinks", 1, Money.of("5", "USD"))).build();
    assertThatThrownBy(() -> enrolled.withPurchases(PurchaseHistory.empty().withPurchase(later)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: purchase p-9 made at 2026-01-15T17:00:01Z, after the state's "
            + "instant 2026-01-15T17:00:00Z");
    assertThat(enrolled.withTier(TierStatus.of(GOLD, ENROLLED)).tierId()).as("at the instant")
        .contains(GOLD);
  }

  @Test
  void builderRejectsAStateBeforeEnrollment() {
    assertThatThrownBy(() -> Member.builder(M1, LATER, Ledger.open(M1, ENROLLED)).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: state as of 2026-01-15T17:00:00Z is before enrollment "
            + "2026-02-01T18:30:00Z");
  }

  @Test
  void builderRestoresStoredPartsAndReplacesById() {
    Member restored = Member.builder(M1, ENROLLED, earned25())
        .tier(TierStatus.of(GOLD, ENROLLED))
        .noTier()
        .membership(prime(ENROLLED))
        .membership(prime(ENROLLED).withStatus(MembershipStatus.CANCELLED))
        .vouchers(List.of(voucher("v-2", ENROLLED), voucher("v-1", LATER)))
        .voucher(voucher("v-2", ENROLLED).withStatus(VoucherStatus.APPLIED))
        .build();

    assertThat(restored.asOf()).isEqualTo(LATER);
    assertThat(restored.tier()).isEmpty();
    assertThat(restored.memberships()).hasSize(1);
    assertThat(restored.membership(PlanId.of("prime")).orElseThrow().status())
        .isEqualTo(MembershipStatus.CANCELLED);
    assertThat(restored.vouchers().keySet()).as("in the order issued")
        .containsExactly(VoucherId.of("v-2"), VoucherId.of("v-1"));
    assertThat(restored.vouchers().get(VoucherId.of("v-2")).status())
        .isEqualTo(VoucherStatus.APPLIED);
    assertThat(restored.toString()).isEqualTo("Member[m-1 as of 2026-02-01T18:30:00Z, "
        + restored.ledger() + ", memberships [prime], 2 vouchers]");
  }

  @Test
  void aMemberKeepsWhoReferredThemButNeverThemselves() {
    Member m = Member.enroll(M1, ENROLLED);
    assertThat(m.referredBy()).isEmpty();
    Member referred = m.withReferrer(MemberId.of("m-2"));
    assertThat(referred.referredBy()).contains(MemberId.of("m-2"));
    assertThat(referred).isNotEqualTo(m).isEqualTo(m.withReferrer(MemberId.of("m-2")));
    assertThat(referred.hashCode()).isEqualTo(m.withReferrer(MemberId.of("m-2")).hashCode());
    assertThat(referred.toString()).endsWith(", referred by m-2]");
    assertThat(referred.toBuilder().noReferrer().build()).isEqualTo(m);
    assertThat(referred.withProgress("x", java.math.BigDecimal.ONE).referredBy())
        .contains(MemberId.of("m-2"));
    assertThatThrownBy(() -> m.withReferrer(M1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1 cannot be their own referrer");
    assertThatThrownBy(() -> m.withReferrer(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member m-1: referrer must not be null");
  }
}
