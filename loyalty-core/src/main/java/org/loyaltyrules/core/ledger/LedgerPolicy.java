package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.program.PointUnit;

/**
 * What a ledger needs to know of its program: the time zone its dates are read in, how long
 * activity ids are remembered, and the point units with their pending, expiry and shortfall
 * policies. The ledger itself stores none of this, so a program's policy can change without
 * rewriting stored ledgers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param zone the program's time zone
 * @param activityHorizon how long activity ids are remembered; positive
 * @param units the program's point units by id; at least one
 */
public record LedgerPolicy(ZoneId zone, Duration activityHorizon, Map<UnitId, PointUnit> units) {
  /**
   * Validates and copies the policy.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the horizon is not
   *     positive, there are no units or a unit is filed under another unit's id
   */
  public LedgerPolicy {
    checkArgument(zone != null, "zone must not be null");
    checkArgument(activityHorizon != null, "activity horizon must not be null");
    checkArgument(!activityHorizon.isNegative() && !activityHorizon.isZero(),
        "activity horizon must be positive, was %s", activityHorizon);
    checkArgument(units != null && !units.isEmpty(), "at least one point unit is required");
    units.forEach((id, unit) -> checkArgument(id != null && unit != null && id.equals(unit.id()),
        "unit filed under id '%s' has id '%s'", id, unit == null ? null : unit.id()));
    units = ImmutableMap.copyOf(units);
  }

  /** Returns a policy over the given units, keyed by their ids. */
  public static LedgerPolicy of(ZoneId zone, Duration activityHorizon, Collection<PointUnit> units) {
    checkArgument(units != null, "units must not be null");
    ImmutableMap.Builder<UnitId, PointUnit> map = ImmutableMap.builder();
    units.forEach(u -> {
      checkArgument(u != null, "units must not hold null");
      map.put(u.id(), u);
    });
    return new LedgerPolicy(zone, activityHorizon, map.buildOrThrow());
  }

  /**
   * Returns the unit with the given id.
   *
   * @throws UnknownReferenceException if the program has no such unit
   */
  public PointUnit unit(UnitId id) {
    PointUnit unit = units.get(id);
    if (unit == null) {
      throw new UnknownReferenceException("unit", String.valueOf(id), "the program's units "
          + units.keySet());
    }
    return unit;
  }
}
