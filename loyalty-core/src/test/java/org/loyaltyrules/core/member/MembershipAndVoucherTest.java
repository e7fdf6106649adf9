package org.loyaltyrules.core.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.VoucherId;

class MembershipAndVoucherTest {
  private static final Instant STARTED = Instant.parse("2026-01-15T17:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2027-01-15T17:00:00Z");

  /** Amazon Prime, $139 for one year. */
  private static final Membership PRIME = Membership.of(PlanId.of("prime"),
      MembershipStatus.ACTIVE, new FeeTerm(ActivityId.of("fee-1"), Money.of("139", "USD"),
          STARTED, Optional.of(EXPIRES)));
  /** REI Co-op, $20 once for life. */
  private static final Membership REI = Membership.of(PlanId.of("rei-coop"),
      MembershipStatus.ACTIVE, new FeeTerm(ActivityId.of("fee-2"), Money.of("20", "USD"),
          STARTED, Optional.empty()));

  /** Sweetgreen: $5 off, usable for 30 days. */
  private static final Instant ISSUED = Instant.parse("2026-03-01T20:00:00Z");
  private static final Instant VOUCHER_EXPIRES = Instant.parse("2026-03-31T20:00:00Z");
  private static final Voucher FIVE_OFF = new Voucher(VoucherId.of("v-1"),
      Money.of("5", "USD"), ISSUED, Optional.of(VOUCHER_EXPIRES), ActivityId.of("p-7"),
      VoucherStatus.ISSUED);

  @Test
  void membershipIsActiveUntilItsTermEndsExclusive() {
    assertThat(PRIME.isActiveAt(STARTED)).isTrue();
    assertThat(PRIME.isActiveAt(EXPIRES.minusNanos(1))).isTrue();
    assertThat(PRIME.isActiveAt(EXPIRES)).isFalse();
    assertThat(PRIME.isActiveAt(EXPIRES.plusSeconds(1))).isFalse();
    assertThat(REI.isActiveAt(Instant.parse("2076-01-15T17:00:00Z"))).as("lifetime").isTrue();
    assertThat(PRIME.isActiveAt(STARTED.minusNanos(1))).as("before it started").isFalse();
  }

  @Test
  void termsFollowOneAnotherAndTheLastDecidesTheExpiry() {
    Instant renewedUntil = Instant.parse("2028-01-15T17:00:00Z");
    Membership renewed = PRIME.withTerms(List.of(PRIME.terms().get(0), new FeeTerm(
        ActivityId.of("fee-3"), Money.of("139", "USD"), EXPIRES, Optional.of(renewedUntil))));

    assertThat(renewed.expiresAt()).contains(renewedUntil);
    assertThat(renewed.payment()).isEqualTo(ActivityId.of("fee-3"));
    assertThat(renewed.isActiveAt(EXPIRES)).isTrue();
    assertThat(renewed.termAt(EXPIRES.minusNanos(1)).orElseThrow().payment())
        .isEqualTo(ActivityId.of("fee-1"));
    assertThat(PRIME.expiresAt()).as("the original is unchanged").contains(EXPIRES);
    assertThatThrownBy(() -> PRIME.withTerms(List.of(PRIME.terms().get(0), new FeeTerm(
            ActivityId.of("fee-3"), Money.of("139", "USD"), renewedUntil.minusSeconds(60),
            Optional.of(renewedUntil)))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership prime: terms[1] begins at 2028-01-15T16:59:00Z, not where "
            + "terms[0] ends, 2027-01-15T17:00:00Z");
    assertThatThrownBy(() -> REI.withTerms(List.of(REI.terms().get(0), PRIME.terms().get(0))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership rei-coop: terms[1] follows a lifetime term");
  }

  @Test
  void aTrialIsATermPaidNothing() {
    FeeTerm trial = new FeeTerm(ActivityId.of("t-1"), Money.zero(java.util.Currency
        .getInstance("USD")), STARTED, Optional.of(STARTED.plusSeconds(30 * 86_400)));

    assertThat(trial.isTrial()).isTrue();
    assertThat(PRIME.terms().get(0).isTrial()).isFalse();
  }

  @Test
  void voucherIsUsableUntilItExpiresExclusive() {
    assertThat(FIVE_OFF.isUsableAt(ISSUED)).isTrue();
    assertThat(FIVE_OFF.isUsableAt(VOUCHER_EXPIRES.minusNanos(1))).isTrue();
    assertThat(FIVE_OFF.isUsableAt(VOUCHER_EXPIRES)).isFalse();
    assertThat(FIVE_OFF.isUsableAt(ISSUED.minusNanos(1))).as("before it was issued").isFalse();
    assertThat(FIVE_OFF.withStatus(VoucherStatus.APPLIED).isUsableAt(ISSUED)).isFalse();
    assertThat(FIVE_OFF.withStatus(VoucherStatus.REVOKED).isUsableAt(ISSUED)).isFalse();
    assertThat(FIVE_OFF.withStatus(VoucherStatus.EXPIRED).isUsableAt(ISSUED)).isFalse();
    assertThat(new Voucher(VoucherId.of("v-2"), Money.of("5", "USD"), ISSUED, Optional.empty(),
        ActivityId.of("p-8"), VoucherStatus.ISSUED).isUsableAt(Instant.parse(
            "2036-01-01T00:00:00Z"))).as("never expires").isTrue();
  }

  @Test
  void voucherRejectsBadPartsNamingThem() {
    assertThatThrownBy(() -> new Voucher(VoucherId.of("v-1"), Money.of("0", "USD"), ISSUED,
            Optional.empty(), ActivityId.of("p-7"), VoucherStatus.ISSUED))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("voucher v-1: value must be positive, was USD 0.00");
    assertThatThrownBy(() -> new Voucher(VoucherId.of("v-1"), Money.of("5", "USD"), ISSUED,
            Optional.of(ISSUED.minusSeconds(1)), ActivityId.of("p-7"), VoucherStatus.ISSUED))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("voucher v-1: expires at 2026-03-01T19:59:59Z is not after issued at "
            + "2026-03-01T20:00:00Z");
    assertThatThrownBy(() -> FIVE_OFF.withStatus(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("voucher v-1: status must not be null");
  }

  @Test
  void tierStatus() {
    TierStatus gold = new TierStatus(TierId.of("gold"), STARTED, Optional.of(EXPIRES));

    assertThat(TierStatus.of(TierId.of("gold"), STARTED).validThrough()).isEmpty();
    assertThat(gold.validThrough()).contains(EXPIRES);
    assertThat(new TierStatus(TierId.of("gold"), STARTED, Optional.of(STARTED)).validThrough())
        .contains(STARTED);
    assertThatThrownBy(() -> new TierStatus(TierId.of("gold"), EXPIRES, Optional.of(STARTED)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier gold: valid through 2026-01-15T17:00:00Z is before since "
            + "2027-01-15T17:00:00Z");
    assertThatThrownBy(() -> TierStatus.of(TierId.of("gold"), null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tier gold: since must not be null");
  }
}
