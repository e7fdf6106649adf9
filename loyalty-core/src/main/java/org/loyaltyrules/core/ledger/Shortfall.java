package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.ShortfallPolicy;

/**
 * Points that a reversal should have taken back but could not, because the member had already
 * spent them, and what the unit's {@link ShortfallPolicy} did about it. With
 * {@link ShortfallPolicy#ALLOW_NEGATIVE} the points were taken anyway and the balance went
 * negative by {@link #points()}; with the other policies they were written off.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unit the unit
 * @param lot the lot whose reversal fell short
 * @param points how many points could not be taken from the member's balance; positive
 * @param policy the policy that was applied
 */
public record Shortfall(UnitId unit, LotId lot, long points, ShortfallPolicy policy) {
  /** Validates the parts; throws {@link IllegalArgumentException} naming a bad value. */
  public Shortfall {
    checkArgument(unit != null && lot != null && policy != null,
        "shortfall unit, lot and policy must not be null");
    checkArgument(points > 0, "shortfall points must be positive, was %s", points);
  }

  /** Returns true if the points were taken anyway, leaving a negative balance. */
  public boolean leftNegativeBalance() {
    return policy == ShortfallPolicy.ALLOW_NEGATIVE;
  }
}
