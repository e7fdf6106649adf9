package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.internal.Steps;

/**
 * The terms on which members transfer points to a partner's own program, such as World of
 * Hyatt points to airline miles at 5:2, at least 5,000 points, in steps of 1,250.
 *
 * <p>A transfer of {@code n} points is valid if {@code n} is at least the minimum and exceeds it
 * by a whole number of steps; it gives the partner's program {@code n * partnerUnits /
 * points} of its own units, always a whole number, since the minimum and the step are checked to
 * convert exactly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partnerUnit what the partner's program calls its units, for example {@code miles}
 * @param points the member's points on the left of the ratio; positive
 * @param partnerUnits the partner's units on the right of the ratio; positive
 * @param minimumPoints the fewest points one transfer may move; positive
 * @param stepPoints how much more than the minimum a transfer may move at a time; positive
 */
public record TransferTerms(String partnerUnit, long points, long partnerUnits,
    long minimumPoints, long stepPoints) {
  /**
   * Validates the terms.
   *
   * @throws IllegalArgumentException naming the bad value if the unit is blank, a number is not
   *     positive, or the minimum or the step does not convert to a whole number of partner units
   */
  public TransferTerms {
    Checks.text(partnerUnit, "transfer partner unit");
    checkArgument(points > 0 && partnerUnits > 0,
        "transfer ratio must be positive on both sides, was %s:%s", points, partnerUnits);
    checkArgument(minimumPoints > 0, "transfer minimum must be positive, was %s", minimumPoints);
    checkArgument(stepPoints > 0, "transfer step must be positive, was %s", stepPoints);
    checkArgument(converts(minimumPoints, points, partnerUnits),
        "transfer minimum %s does not convert to a whole number of %s at %s:%s", minimumPoints,
        partnerUnit, points, partnerUnits);
    checkArgument(converts(stepPoints, points, partnerUnits),
        "transfer step %s does not convert to a whole number of %s at %s:%s", stepPoints,
        partnerUnit, points, partnerUnits);
  }

  private static boolean converts(long amount, long points, long partnerUnits) {
    return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(
        partnerUnits)).mod(java.math.BigInteger.valueOf(points)).signum() == 0;
  }

  /** Returns true if {@code amount} points is at least the minimum plus whole steps. */
  public boolean accepts(long amount) {
    return Steps.accepts(amount, minimumPoints, stepPoints);
  }

  /**
   * Returns the valid amounts nearest to {@code amount}: the one below (if any) and the one
   * above; one amount if {@code amount} is below the minimum or valid itself.
   */
  public java.util.List<Long> nearest(long amount) {
    return Steps.nearest(amount, minimumPoints, stepPoints);
  }

  /**
   * Returns the partner's units a valid transfer of {@code amount} points gives.
   *
   * @throws IllegalArgumentException if the amount is not valid
   */
  public long partnerUnitsFor(long amount) {
    checkArgument(accepts(amount), "%s points is not a valid transfer amount", amount);
    return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(
        partnerUnits)).divide(java.math.BigInteger.valueOf(points)).longValueExact();
  }
}
