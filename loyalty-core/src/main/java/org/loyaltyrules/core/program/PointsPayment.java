package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;

/**
 * How members pay part of an order with points: in steps of {@code pointsPerStep} points, each
 * worth {@code valuePerStep} (Odacité: 100 points = $5 off), up to {@code maxShare} of the order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unit the unit paid with; redeemable (checked by the program)
 * @param pointsPerStep the points of one step; positive
 * @param valuePerStep what one step pays; positive, in the program's currency (checked by the
 *     program)
 * @param maxShare the most of an order's value points may pay; more than 0 and at most 1
 */
public record PointsPayment(UnitId unit, long pointsPerStep, Money valuePerStep,
    BigDecimal maxShare) {
  /**
   * Validates the payment terms.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the step or value
   *     is not positive, or the share is not above 0 and at most 1
   */
  public PointsPayment {
    Checks.present(unit, "points payment unit");
    checkArgument(pointsPerStep > 0, "points payment: points per step must be positive, was %s",
        pointsPerStep);
    Checks.present(valuePerStep, "points payment value per step");
    checkArgument(valuePerStep.isPositive(),
        "points payment: value per step must be positive, was %s", valuePerStep);
    Checks.positive(maxShare, "points payment max share");
    checkArgument(maxShare.compareTo(BigDecimal.ONE) <= 0,
        "points payment: max share must be at most 1, was %s", maxShare.toPlainString());
  }

  /** Returns what {@code points} pay, exactly; {@code points} must be a whole number of steps. */
  public Money valueOf(long points) {
    checkArgument(points >= 0 && points % pointsPerStep == 0,
        "points payment: %s points is not a whole number of %s-point steps", points,
        pointsPerStep);
    return valuePerStep.times(points / pointsPerStep);
  }
}
