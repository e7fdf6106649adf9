package org.loyaltyrules.core.program;

/**
 * The window a challenge's progress is counted in, read in the program's time zone. Progress of
 * one window never counts toward another; a windowed challenge recurs with every window.
 *
 * <p>Immutable and thread-safe.
 */
public enum ChallengeWindow {
  /** No window: progress accumulates until the target is reached, as on a stamp card. */
  NONE,
  /** A calendar day. */
  DAY,
  /** A calendar week, Monday to Sunday. */
  WEEK,
  /** A calendar month. */
  MONTH,
  /**
   * The campaign the challenge runs in ({@link Challenge#runs()}, which must be given): one
   * window from its start to its end.
   */
  CAMPAIGN;

  /** Returns true for the windows that repeat in time: days, weeks and months. */
  public boolean isCalendar() {
    return this == DAY || this == WEEK || this == MONTH;
  }
}
