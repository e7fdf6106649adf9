package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The window over which a tier ladder's metric is counted, read in the program's time zone.
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface QualificationWindow {
  /** Returns the calendar year window: January 1 to December 31. */
  static QualificationWindow calendarYear() {
    return new CalendarYear();
  }

  /**
   * Returns a rolling window of the last {@code months} months.
   *
   * @throws IllegalArgumentException if months is not between 1 and 120
   */
  static QualificationWindow rollingMonths(int months) {
    return new RollingMonths(months);
  }

  /** Returns the membership year window: from each anniversary of the member's enrollment. */
  static QualificationWindow membershipYear() {
    return new MembershipYear();
  }

  /** Returns the lifetime window: everything since enrollment counts. */
  static QualificationWindow lifetime() {
    return new Lifetime();
  }

  /** The calendar year. */
  record CalendarYear() implements QualificationWindow {}

  /**
   * The last {@code months} months, rolling.
   *
   * @param months how many; 1 to 120
   */
  record RollingMonths(int months) implements QualificationWindow {
    /** Validates the length; throws {@link IllegalArgumentException} naming a bad value. */
    public RollingMonths {
      checkArgument(months >= 1 && months <= 120,
          "rolling window must be 1 to 120 months, was %s", months);
    }
  }

  /** The year from each anniversary of the member's enrollment. */
  record MembershipYear() implements QualificationWindow {}

  /** Everything since enrollment. */
  record Lifetime() implements QualificationWindow {}
}
