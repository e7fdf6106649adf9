package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When earned points of a unit expire. Each point unit declares exactly one policy. Dates are
 * read in the program's time zone, so "the end of the year" is the program's year end, not the
 * server's.
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface ExpiryPolicy {

  /**
   * Returns when a lot expires.
   *
   * @param earnedAt when the lot was earned
   * @param lastActivity the member's latest activity, used by {@link AfterInactivity}
   * @param zone the program's time zone
   * @return the instant the lot's remaining points expire, or empty if they never do
   */
  Optional<Instant> expiresAt(Instant earnedAt, Instant lastActivity, ZoneId zone);

  /** Returns the policy under which points never expire. */
  static ExpiryPolicy never() {
    return new Never();
  }

  /**
   * Returns the policy under which each lot expires a fixed period after it was earned.
   *
   * @throws IllegalArgumentException if the period is null, zero or negative
   */
  static ExpiryPolicy afterPeriod(Period period) {
    return new AfterPeriod(period);
  }

  /**
   * Returns the policy under which each lot expires at the end of a calendar period: the period
   * it was earned in when {@code periodsAfter} is 0, the one after when 1, and so on.
   */
  static ExpiryPolicy atEndOf(CalendarPeriod period, int periodsAfter) {
    return new AtEndOfPeriod(period, periodsAfter);
  }

  /**
   * Returns the policy under which all of a member's lots of the unit expire once the member has
   * had no activity for the given period; any activity extends them.
   */
  static ExpiryPolicy afterInactivity(Period period) {
    return new AfterInactivity(period);
  }

  /** Points never expire. */
  record Never() implements ExpiryPolicy {
    @Override
    public Optional<Instant> expiresAt(Instant earnedAt, Instant lastActivity, ZoneId zone) {
      return Optional.empty();
    }
  }

  /**
   * Each lot expires {@code period} after it was earned.
   *
   * @param period how long a lot lives; positive
   */
  record AfterPeriod(Period period) implements ExpiryPolicy {
    /** Validates the period; throws {@link IllegalArgumentException} naming it if not positive. */
    public AfterPeriod {
      checkPositive(period, "expiry period");
    }

    @Override
    public Optional<Instant> expiresAt(Instant earnedAt, Instant lastActivity, ZoneId zone) {
      return Optional.of(earnedAt.atZone(zone).plus(period).toInstant());
    }
  }

  /**
   * Each lot expires at the start of the calendar period that follows the {@code periodsAfter}-th
   * period after the one it was earned in.
   *
   * @param period the calendar period
   * @param periodsAfter how many whole periods after the earning one the points live; 0 or more
   */
  record AtEndOfPeriod(CalendarPeriod period, int periodsAfter) implements ExpiryPolicy {
    /** Validates the parts; throws {@link IllegalArgumentException} naming a bad value. */
    public AtEndOfPeriod {
      checkArgument(period != null, "calendar period must not be null");
      checkArgument(periodsAfter >= 0 && periodsAfter <= 100,
          "periods after must be between 0 and 100, was %s", periodsAfter);
    }

    @Override
    public Optional<Instant> expiresAt(Instant earnedAt, Instant lastActivity, ZoneId zone) {
      return Optional.of(period.startOfPeriodAfter(earnedAt.atZone(zone).toLocalDate(), periodsAfter)
          .atStartOfDay(zone).toInstant());
    }
  }

  /**
   * All lots expire once the member has had no activity for {@code period}.
   *
   * @param period the inactivity period; positive
   */
  record AfterInactivity(Period period) implements ExpiryPolicy {
    /** Validates the period; throws {@link IllegalArgumentException} naming it if not positive. */
    public AfterInactivity {
      checkPositive(period, "inactivity period");
    }

    @Override
    public Optional<Instant> expiresAt(Instant earnedAt, Instant lastActivity, ZoneId zone) {
      Instant from = lastActivity.isAfter(earnedAt) ? lastActivity : earnedAt;
      return Optional.of(from.atZone(zone).plus(period).toInstant());
    }
  }

  private static void checkPositive(Period period, String what) {
    checkArgument(period != null, "%s must not be null", what);
    checkArgument(!period.isNegative() && !period.isZero(), "%s must be positive, was %s", what,
        period);
    checkArgument(period.toTotalMonths() + period.getDays() / 31 <= 1200,
        "%s must be at most 100 years, was %s", what, period);
  }
}
