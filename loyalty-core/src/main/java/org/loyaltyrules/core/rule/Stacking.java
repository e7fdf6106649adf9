package org.loyaltyrules.core.rule;

/**
 * How a rule combines with the other rules of its group.
 *
 * <p>Immutable and thread-safe.
 */
public enum Stacking {
  /** The rule applies alongside every other matching rule. */
  STACKABLE,
  /**
   * Of the matching exclusive rules of a group, only the first in evaluation order (highest
   * priority, then declaration order) applies; the others are traced as lost to stacking.
   */
  EXCLUSIVE
}
