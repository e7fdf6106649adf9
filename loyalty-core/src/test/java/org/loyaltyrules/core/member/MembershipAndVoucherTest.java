package org.loyaltyrules.core.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
  private static final Membership PRIME = new Membership(PlanId.of("prime"), STARTED,
      Optional.of(EXPIRES), ActivityId.of("fee-1"), MembershipStatus.ACTIVE);
  /** REI Co-op, $20 once for life. */
  private static final Membership REI = new Membership(PlanId.of("rei-coop"), STARTED,
      Optional.empty(), ActivityId.of("fee-2"), MembershipStatus.ACTIVE);

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
  void onlyAnActiveMembershipIsActive() {
    Instant midTerm = Instant.parse("2026-06-01T00:00:00Z");

    assertThat(PRIME.withStatus(MembershipStatus.CANCELLED).isActiveAt(midTerm)).isFalse();
    assertThat(PRIME.withStatus(MembershipStatus.LAPSED).isActiveAt(midTerm)).isFalse();
    assertThat(REI.withStatus(MembershipStatus.CANCELLED).isActiveAt(midTerm)).isFalse();
    assertThat(PRIME.status()).as("the original is unchanged").isEqualTo(MembershipStatus.ACTIVE);
  }

  @Test
  void membershipRejectsATermEndingBeforeItStarts() {
    assertThatThrownBy(() -> new Membership(PlanId.of("prime"), STARTED, Optional.of(STARTED),
            ActivityId.of("fee-1"), MembershipStatus.ACTIVE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership prime: expires at 2026-01-15T17:00:00Z is not after started at "
            + "2026-01-15T17:00:00Z");
    assertThatThrownBy(() -> new Membership(PlanId.of("prime"), STARTED, Optional.of(EXPIRES),
            null, MembershipStatus.ACTIVE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("membership prime: payment must not be null");
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
