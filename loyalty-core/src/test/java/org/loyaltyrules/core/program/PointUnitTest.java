package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.LOS_ANGELES;
import static org.loyaltyrules.core.program.ProgramFixtures.STARS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.UnitId;

class PointUnitTest {
  @Test
  void redeemableAndStatusOnlyDefaults() {
    PointUnit stars = PointUnit.redeemable("stars", "Stars");
    PointUnit tierPoints = PointUnit.statusOnly("tier-points", "Tier points");

    assertThat(stars.id()).isEqualTo(STARS);
    assertThat(stars.kind()).isEqualTo(UnitKind.REDEEMABLE);
    assertThat(stars.isRedeemable()).isTrue();
    assertThat(stars.pendingPeriod()).isEqualTo(Period.ZERO);
    assertThat(stars.expiry()).isEqualTo(ExpiryPolicy.never());
    assertThat(stars.shortfall()).isEqualTo(ShortfallPolicy.STOP_AT_ZERO);
    assertThat(tierPoints.kind()).isEqualTo(UnitKind.STATUS);
    assertThat(tierPoints.isRedeemable()).isFalse();
  }

  @Test
  void withersReturnChangedCopies() {
    PointUnit stars = PointUnit.redeemable("stars", "Stars");
    PointUnit changed = stars.withPendingPeriod(Period.ofDays(30))
        .withExpiry(ExpiryPolicy.afterPeriod(Period.ofMonths(6)))
        .withShortfall(ShortfallPolicy.ALLOW_NEGATIVE);

    assertThat(changed.pendingPeriod()).isEqualTo(Period.ofDays(30));
    assertThat(changed.expiry()).isEqualTo(new ExpiryPolicy.AfterPeriod(Period.ofMonths(6)));
    assertThat(changed.shortfall()).isEqualTo(ShortfallPolicy.ALLOW_NEGATIVE);
    assertThat(stars.pendingPeriod()).isEqualTo(Period.ZERO);
  }

  @Test
  void vestingIsReadInTheProgramsZoneAcrossDaylightSaving() {
    PointUnit points = PointUnit.redeemable("points", "Points")
        .withPendingPeriod(Period.ofDays(14));
    Instant earned = Instant.parse("2026-03-01T18:00:00Z"); // 10:00 PST

    assertThat(points.vestsAt(earned, LOS_ANGELES))
        .as("10:00 PDT fourteen calendar days later")
        .isEqualTo(Instant.parse("2026-03-15T17:00:00Z"));
    assertThat(PointUnit.redeemable("stars", "Stars").vestsAt(earned, LOS_ANGELES))
        .isEqualTo(earned);
  }

  @Test
  void badPartsAreRejectedNamingThem() {
    assertThatThrownBy(() -> PointUnit.redeemable("points", "Points")
            .withPendingPeriod(Period.ofDays(-1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit points: pending period must not be negative, was P-1D");
    assertThatThrownBy(() -> PointUnit.redeemable("points", " "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit points: name must not be blank");
    assertThatThrownBy(() -> PointUnit.redeemable("points", "Points").withExpiry(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit points: expiry policy must not be null");
    assertThatThrownBy(() -> new PointUnit(UnitId.of("points"), "Points", null, Period.ZERO,
            ExpiryPolicy.never(), ShortfallPolicy.STOP_AT_ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit points: kind must not be null");
  }

  @Test
  void expiryPoliciesReadDatesInTheProgramsZone() {
    Instant newYearsEveInLa = Instant.parse("2027-01-01T04:00:00Z"); // 2026-12-31 20:00 PST
    Instant lastActivity = Instant.parse("2026-06-01T19:00:00Z");

    assertThat(ExpiryPolicy.never().expiresAt(newYearsEveInLa, newYearsEveInLa, LOS_ANGELES))
        .isEmpty();
    assertThat(ExpiryPolicy.atEndOf(CalendarPeriod.YEAR, 0)
            .expiresAt(newYearsEveInLa, newYearsEveInLa, LOS_ANGELES))
        .as("earned in 2026 in Los Angeles, though already 2027 in UTC")
        .contains(Instant.parse("2027-01-01T08:00:00Z"));
    assertThat(ExpiryPolicy.atEndOf(CalendarPeriod.QUARTER, 1)
            .expiresAt(Instant.parse("2026-05-10T19:00:00Z"), lastActivity, LOS_ANGELES))
        .contains(Instant.parse("2026-10-01T07:00:00Z"));
    assertThat(ExpiryPolicy.afterPeriod(Period.ofYears(1))
            .expiresAt(Instant.parse("2028-02-29T20:00:00Z"), lastActivity, LOS_ANGELES))
        .contains(Instant.parse("2029-02-28T20:00:00Z"));
    assertThat(ExpiryPolicy.afterInactivity(Period.ofMonths(18))
            .expiresAt(Instant.parse("2026-01-15T20:00:00Z"), lastActivity, LOS_ANGELES))
        .as("from the later activity, 12:00 PDT to 12:00 PST")
        .contains(Instant.parse("2027-12-01T20:00:00Z"));
    assertThat(ExpiryPolicy.afterInactivity(Period.ofMonths(18))
            .expiresAt(Instant.parse("2026-07-01T19:00:00Z"), lastActivity, LOS_ANGELES))
        .as("from the earning when it is the later")
        .contains(Instant.parse("2028-01-01T20:00:00Z"));
  }

  @Test
  void expiryPoliciesRejectBadPeriods() {
    assertThatThrownBy(() -> ExpiryPolicy.afterPeriod(Period.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("expiry period must be positive, was P0D");
    assertThatThrownBy(() -> ExpiryPolicy.afterInactivity(Period.ofMonths(-6)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("inactivity period must be positive, was P-6M");
    assertThatThrownBy(() -> ExpiryPolicy.atEndOf(CalendarPeriod.MONTH, -1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("periods after must be between 0 and 100, was -1");
    assertThatThrownBy(() -> ExpiryPolicy.atEndOf(CalendarPeriod.MONTH, 101))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 101");
    assertThatThrownBy(() -> ExpiryPolicy.atEndOf(null, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("calendar period must not be null");
  }

  @Test
  void calendarPeriods() {
    assertThat(CalendarPeriod.MONTH.startOf(LocalDate.of(2026, 5, 17)))
        .isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(CalendarPeriod.QUARTER.startOf(LocalDate.of(2026, 3, 31)))
        .isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(CalendarPeriod.QUARTER.startOf(LocalDate.of(2026, 5, 17)))
        .isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(CalendarPeriod.QUARTER.startOf(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(CalendarPeriod.YEAR.startOf(LocalDate.of(2026, 7, 4)))
        .isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(CalendarPeriod.MONTH.startOfPeriodAfter(LocalDate.of(2026, 1, 31), 1))
        .isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(CalendarPeriod.QUARTER.startOfPeriodAfter(LocalDate.of(2026, 11, 15), 0))
        .isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(CalendarPeriod.YEAR.startOfPeriodAfter(LocalDate.of(2026, 7, 4), 2))
        .isEqualTo(LocalDate.of(2029, 1, 1));
  }
}
