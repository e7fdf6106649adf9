package org.loyaltyrules.core.program;

/**
 * What a badge's levels count, over the member's whole membership.
 *
 * <p>Immutable and thread-safe.
 */
public enum BadgeMetric {
  /** Completions of one challenge ({@link Badge#challenge()}). */
  CHALLENGES,
  /** Purchases that earned anything, less those returned whole. */
  PURCHASES,
  /** Money spent on what earns, in the program's currency, less returns. */
  SPEND,
  /** Engagement events of one type ({@link Badge#event()}). */
  EVENTS
}
