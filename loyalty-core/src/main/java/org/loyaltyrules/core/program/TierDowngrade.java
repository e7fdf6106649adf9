package org.loyaltyrules.core.program;

/**
 * How far a member falls when a review finds the credit no longer holds the tier.
 *
 * <p>Immutable and thread-safe.
 */
public enum TierDowngrade {
  /** One tier down per review, however little was earned ("soft landing"). */
  ONE_STEP,
  /** Straight to the tier the credit earned. */
  TO_EARNED
}
