package org.loyaltyrules.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.RoundingMode;
import org.loyaltyrules.core.internal.Checks;

/**
 * How a program turns money into points: which parts of an order earn, and how fractional points
 * are rounded. Starbucks' $12.99 at 2 stars per $1 on a Double Star Day is 51 stars when the
 * multiplier applies before rounding (25.98 x 2 = 51.96) and 50 when after (25 x 2): the program
 * says which.
 *
 * <p>Immutable and thread-safe.
 *
 * @param taxEarns whether the order's tax earns points
 * @param shippingEarns whether the order's shipping earns points
 * @param pointsPaidEarns whether the part of an order paid with points earns points
 * @param scope whether points are rounded per line or once per order
 * @param multipliers whether multipliers apply before or after rounding
 * @param mode how to round; not {@link RoundingMode#UNNECESSARY}
 */
public record EarnPolicy(boolean taxEarns, boolean shippingEarns, boolean pointsPaidEarns,
    Scope scope, MultiplierTiming multipliers, RoundingMode mode) {
  private static final EarnPolicy DEFAULTS = new EarnPolicy(false, false, false, Scope.PER_ORDER,
      MultiplierTiming.BEFORE_ROUNDING, RoundingMode.FLOOR);

  /** Where rounding happens. */
  public enum Scope {
    /** Each line's points are rounded, then summed. */
    PER_LINE,
    /** The order's exact points are summed, then rounded once. */
    PER_ORDER
  }

  /** When multipliers apply. */
  public enum MultiplierTiming {
    /** Multiply the exact points, then round. */
    BEFORE_ROUNDING,
    /** Round the base points, multiply, then round the result. */
    AFTER_ROUNDING
  }

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or the mode is
   *     {@link RoundingMode#UNNECESSARY}
   */
  public EarnPolicy {
    Checks.present(scope, "rounding scope");
    Checks.present(multipliers, "multiplier timing");
    Checks.present(mode, "rounding mode");
    checkArgument(mode != RoundingMode.UNNECESSARY,
        "rounding mode must say how to round, was %s", mode);
  }

  /**
   * Returns the defaults: only the goods earn (not tax, shipping or the part paid with points),
   * rounded down once per order, multipliers before rounding.
   */
  public static EarnPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a copy with the given rounding mode. */
  public EarnPolicy withMode(RoundingMode mode) {
    return new EarnPolicy(taxEarns, shippingEarns, pointsPaidEarns, scope, multipliers, mode);
  }

  /** Returns a copy rounding in the given scope. */
  public EarnPolicy withScope(Scope scope) {
    return new EarnPolicy(taxEarns, shippingEarns, pointsPaidEarns, scope, multipliers, mode);
  }

  /** Returns a copy applying multipliers at the given time. */
  public EarnPolicy withMultipliers(MultiplierTiming timing) {
    return new EarnPolicy(taxEarns, shippingEarns, pointsPaidEarns, scope, timing, mode);
  }

  /** Returns a copy saying which parts of an order earn besides the goods. */
  public EarnPolicy withEarningParts(boolean tax, boolean shipping, boolean pointsPaid) {
    return new EarnPolicy(tax, shipping, pointsPaid, scope, multipliers, mode);
  }
}
