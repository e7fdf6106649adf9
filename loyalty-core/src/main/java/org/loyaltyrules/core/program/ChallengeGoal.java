package org.loyaltyrules.core.program;

/**
 * What a challenge counts toward its target.
 *
 * <p>Immutable and thread-safe.
 */
public enum ChallengeGoal {
  /** Qualifying purchases: one stamp per purchase. */
  PURCHASES,
  /** Qualifying items: the quantity bought, one stamp per item (course modules in a bundle). */
  ITEMS,
  /** Money spent, in the program's currency. */
  AMOUNT,
  /** Distinct skus bought. */
  DISTINCT_ITEMS,
  /** Engagement events of the challenge's event type, such as check-ins. */
  EVENTS
}
