package org.loyaltyrules.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.internal.Checks;

/**
 * The most points a rule may grant over a scope: per activity, per day, month or year, or per
 * member. What a cap holds back is traced as lost to the cap.
 *
 * <p>A multiplier multiplies what a rate grants: when a cap holds a rate back, the multipliers'
 * extra on that rate shrinks in the same proportion (a rate of 5 points per $1 capped at 200 an
 * order, doubled, gives 200 + 200, not 200 + 1,544 on a $308.93 order). A multiplier's own cap
 * per activity counts everything it adds on the activity, over every rate it multiplies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scope what the cap counts over
 * @param points the most points; positive
 */
public record Cap(CapScope scope, long points) {
  /** Validates the cap; throws {@link IllegalArgumentException} naming a bad value. */
  public Cap {
    Checks.present(scope, "cap scope");
    checkArgument(points > 0, "cap per %s must be positive, was %s", scope, points);
  }

  /** Returns a cap of {@code points} over {@code scope}. */
  public static Cap of(CapScope scope, long points) {
    return new Cap(scope, points);
  }
}
