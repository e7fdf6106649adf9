package org.loyaltyrules.core.decision;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Optional;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * What one rule did in a decision: whether it matched, what it granted, and what was lost to a
 * cap, to stacking with other rules, or to rounding. "Why did I get 0 points?" is answered by the
 * trace alone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule
 * @param matched whether its condition held
 * @param unit the unit it grants, if it grants points
 * @param granted the points it granted; zero or more
 * @param lostToCap points it would have granted beyond a cap; zero or more
 * @param lostToStacking points it would have granted but another rule excluded; zero or more
 * @param lostToRounding the fraction of a point rounding took away; zero or more, below one
 *     unless rounding is upward, where it is zero
 * @param note a short explanation in the program's terms, for example {@code "total $12.99 at 2
 *     stars per $1"}
 */
public record TraceEntry(RuleId rule, boolean matched, Optional<UnitId> unit, long granted,
    long lostToCap, long lostToStacking, BigDecimal lostToRounding, String note) {
  /**
   * Validates the entry.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, a count is
   *     negative, or a rule that did not match granted points
   */
  public TraceEntry {
    Checks.present(rule, "trace rule");
    Checks.present(unit, "rule " + rule + ": unit");
    Checks.notNegative(granted, "rule " + rule + ": granted");
    Checks.notNegative(lostToCap, "rule " + rule + ": lost to cap");
    Checks.notNegative(lostToStacking, "rule " + rule + ": lost to stacking");
    Checks.present(lostToRounding, "rule " + rule + ": lost to rounding");
    checkArgument(lostToRounding.signum() >= 0,
        "rule %s: lost to rounding must not be negative, was %s", rule,
        lostToRounding.toPlainString());
    checkArgument(matched || granted == 0, "rule %s did not match but granted %s", rule, granted);
    Checks.present(note, "rule " + rule + ": note");
  }

  /** Returns the entry of a rule whose condition did not hold. */
  public static TraceEntry notMatched(RuleId rule, String note) {
    return new TraceEntry(rule, false, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, note);
  }
}
