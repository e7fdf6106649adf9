package org.loyaltyrules.core.program;

/**
 * The window a challenge's progress is counted in, read in the program's time zone.
 *
 * <p>Immutable and thread-safe.
 */
public enum ChallengeWindow {
  /** No window: progress accumulates until the target is reached, as on a stamp card. */
  NONE,
  /** A calendar week, Monday to Sunday. */
  WEEK,
  /** A calendar month. */
  MONTH
}
