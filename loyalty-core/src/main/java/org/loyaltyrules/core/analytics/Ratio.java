package org.loyaltyrules.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.loyaltyrules.core.internal.Checks;

/**
 * An exact fraction, {@code numerator / denominator}, as the metrics return it: nothing is
 * divided until the caller asks for a {@linkplain #value(int) value} or a
 * {@linkplain #percent(int) percentage} at a scale of its choosing, rounded
 * {@link RoundingMode#HALF_EVEN half-even}.
 *
 * <p>The denominator is zero or more. A ratio whose denominator is zero is <em>undefined</em>
 * (for example the redemption rate of a period in which no points were issued): it is never
 * divided, {@link #isDefined()} is false and {@link #value(int)} and {@link #percent(int)} are
 * empty, rather than a made-up zero. Its numerator is kept as given, so a caller can still see
 * what was counted. The numerator may be negative (a net promoter score, a period in which more
 * redemptions were given back than made).
 *
 * <p>Both terms are kept without trailing zeros, so {@code equals} compares the terms as
 * quantities: {@code 1.0/2} equals {@code 1/2}, but {@code 2/4} does not equal {@code 1/2}; use
 * {@link #compareTo} to compare values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param numerator what is counted; any sign
 * @param denominator what it is counted out of; zero or more
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) implements Comparable<Ratio> {
  /** The rounding mode of {@link #value(int)} and {@link #percent(int)}: half-even. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** The largest scale {@link #value(int)} and {@link #percent(int)} accept. */
  public static final int MAX_SCALE = 100;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * Validates the terms and strips their trailing zeros.
   *
   * @throws IllegalArgumentException naming the bad value if a term is null or the denominator
   *     is negative
   */
  public Ratio {
    Checks.present(numerator, "ratio numerator");
    Checks.present(denominator, "ratio denominator");
    checkArgument(denominator.signum() >= 0,
        "ratio denominator must not be negative, was %s (numerator %s)",
        denominator.toPlainString(), numerator.toPlainString());
    numerator = Checks.stripped(numerator);
    denominator = Checks.stripped(denominator);
  }

  /**
   * Returns {@code numerator / denominator} of whole counts.
   *
   * @throws IllegalArgumentException if the denominator is negative
   */
  public static Ratio of(long numerator, long denominator) {
    return new Ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
  }

  /**
   * Returns {@code numerator / denominator}.
   *
   * @throws IllegalArgumentException if a term is null or the denominator negative
   */
  public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
    return new Ratio(numerator, denominator);
  }

  /** Returns true unless the denominator is zero. */
  public boolean isDefined() {
    return denominator.signum() != 0;
  }

  /**
   * Returns the fraction's value rounded half-even to {@code scale} decimal places, for example
   * {@code 0.33} for {@code 1/3} at scale 2; empty if the ratio is undefined.
   *
   * @param scale decimal places, from 0 to {@value #MAX_SCALE}
   * @throws IllegalArgumentException naming the scale if it is out of range
   */
  public Optional<BigDecimal> value(int scale) {
    checkScale(scale);
    return isDefined()
        ? Optional.of(numerator.divide(denominator, scale, ROUNDING))
        : Optional.empty();
  }

  /**
   * Returns the fraction as a percentage rounded half-even to {@code scale} decimal places, for
   * example {@code 33.3} for {@code 1/3} at scale 1; empty if the ratio is undefined. The
   * percentage is computed from the exact terms, so it is not the rounded value times 100.
   *
   * @param scale decimal places, from 0 to {@value #MAX_SCALE}
   * @throws IllegalArgumentException naming the scale if it is out of range
   */
  public Optional<BigDecimal> percent(int scale) {
    checkScale(scale);
    return isDefined()
        ? Optional.of(numerator.multiply(HUNDRED).divide(denominator, scale, ROUNDING))
        : Optional.empty();
  }

  /**
   * Returns {@code (denominator - numerator) / denominator}: the share not counted, such as churn
   * for a retention rate. This ratio and its complement have the same denominator and their
   * numerators sum to it exactly.
   */
  public Ratio complement() {
    return new Ratio(denominator.subtract(numerator), denominator);
  }

  /**
   * Compares the values of two defined ratios exactly, by cross-multiplying.
   *
   * @throws IllegalArgumentException naming the ratio if either is undefined or {@code other}
   *     is null
   */
  @Override
  public int compareTo(Ratio other) {
    Checks.present(other, "other ratio");
    checkArgument(isDefined() && other.isDefined(),
        "cannot compare an undefined ratio: %s with %s", this, other);
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  /** Returns {@code numerator/denominator}, for example {@code 3/10}. */
  @Override
  public String toString() {
    return numerator.toPlainString() + "/" + denominator.toPlainString();
  }

  private static void checkScale(int scale) {
    checkArgument(scale >= 0 && scale <= MAX_SCALE, "scale must be between 0 and %s, was %s",
        MAX_SCALE, scale);
  }
}
