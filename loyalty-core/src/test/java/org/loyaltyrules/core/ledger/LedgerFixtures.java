package org.loyaltyrules.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.ShortfallPolicy;

/** Units, a policy and helpers shared by the ledger tests. */
final class LedgerFixtures {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final MemberId MEMBER = MemberId.of("m-1");
  static final Instant START = Instant.parse("2026-03-01T15:00:00Z");

  /** Pending 3 days, expires 30 days after earning, shortfalls stop at zero. */
  static final UnitId POINTS = UnitId.of("points");
  /** No pending, expires at the end of the month after, shortfalls go negative. */
  static final UnitId MILES = UnitId.of("miles");
  /** Pending 1 day, expires after 20 days without activity, shortfalls taken from pending. */
  static final UnitId STARS = UnitId.of("stars");
  /** Status only: never spent, never expires. */
  static final UnitId TIER = UnitId.of("tier-points");

  static final List<UnitId> UNITS = List.of(POINTS, MILES, STARS, TIER);

  static final LedgerPolicy POLICY = LedgerPolicy.of(ZONE, Duration.ofDays(120), List.of(
      PointUnit.redeemable("points", "Points").withPendingPeriod(Period.ofDays(3))
          .withExpiry(ExpiryPolicy.afterPeriod(Period.ofDays(30))),
      PointUnit.redeemable("miles", "Miles")
          .withExpiry(ExpiryPolicy.atEndOf(CalendarPeriod.MONTH, 1))
          .withShortfall(ShortfallPolicy.ALLOW_NEGATIVE),
      PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(1))
          .withExpiry(ExpiryPolicy.afterInactivity(Period.ofDays(20)))
          .withShortfall(ShortfallPolicy.TAKE_FROM_PENDING),
      PointUnit.statusOnly("tier-points", "Tier points")));

  private LedgerFixtures() {}

  static ActivityId id(String value) {
    return ActivityId.of(value);
  }
}
