package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.loyaltyrules.core.UnitId;

/**
 * A unit of points a program issues, such as stars, miles or tier points. A program may have
 * several; each declares whether members can spend it, how long new points stay pending before
 * they can be spent (typically the return window), when points expire and what happens when
 * points to be taken back were already spent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the unit's id, unique within the program
 * @param name the unit's display name, for example {@code "Stars"}
 * @param kind whether the points can be spent or only count toward status
 * @param pendingPeriod how long earned points stay pending before they vest; zero for at once
 * @param expiry when earned points expire
 * @param shortfall what happens when points to be taken back were already spent
 */
public record PointUnit(UnitId id, String name, UnitKind kind, Period pendingPeriod,
    ExpiryPolicy expiry, ShortfallPolicy shortfall) {

  /**
   * Validates the unit.
   *
   * @throws IllegalArgumentException naming the bad value if any part is null, the name is blank
   *     or the pending period is negative or longer than 100 years
   */
  public PointUnit {
    checkArgument(id != null, "unit id must not be null");
    checkArgument(name != null && !name.isBlank(), "unit %s: name must not be blank", id);
    checkArgument(kind != null, "unit %s: kind must not be null", id);
    checkArgument(pendingPeriod != null, "unit %s: pending period must not be null", id);
    checkArgument(!pendingPeriod.isNegative(), "unit %s: pending period must not be negative, was %s",
        id, pendingPeriod);
    checkArgument(pendingPeriod.toTotalMonths() + pendingPeriod.getDays() / 31 <= 1200,
        "unit %s: pending period must be at most 100 years, was %s", id, pendingPeriod);
    checkArgument(expiry != null, "unit %s: expiry policy must not be null", id);
    checkArgument(shortfall != null, "unit %s: shortfall policy must not be null", id);
  }

  /**
   * Returns a redeemable unit whose points vest at once, never expire, and whose shortfalls stop
   * at a zero balance.
   */
  public static PointUnit redeemable(String id, String name) {
    return new PointUnit(UnitId.of(id), name, UnitKind.REDEEMABLE, Period.ZERO,
        ExpiryPolicy.never(), ShortfallPolicy.STOP_AT_ZERO);
  }

  /**
   * Returns a status-only unit whose points vest at once, never expire, and whose shortfalls stop
   * at a zero balance.
   */
  public static PointUnit statusOnly(String id, String name) {
    return new PointUnit(UnitId.of(id), name, UnitKind.STATUS, Period.ZERO, ExpiryPolicy.never(),
        ShortfallPolicy.STOP_AT_ZERO);
  }

  /** Returns a copy with the given pending period. */
  public PointUnit withPendingPeriod(Period period) {
    return new PointUnit(id, name, kind, period, expiry, shortfall);
  }

  /** Returns a copy with the given expiry policy. */
  public PointUnit withExpiry(ExpiryPolicy policy) {
    return new PointUnit(id, name, kind, pendingPeriod, policy, shortfall);
  }

  /** Returns a copy with the given shortfall policy. */
  public PointUnit withShortfall(ShortfallPolicy policy) {
    return new PointUnit(id, name, kind, pendingPeriod, expiry, policy);
  }

  /** Returns true if members can spend points of this unit. */
  public boolean isRedeemable() {
    return kind == UnitKind.REDEEMABLE;
  }

  /** Returns when points earned at {@code earnedAt} vest, reading the period in {@code zone}. */
  public Instant vestsAt(Instant earnedAt, ZoneId zone) {
    return earnedAt.atZone(zone).plus(pendingPeriod).toInstant();
  }
}
