package org.loyaltyrules.core.rule;

/**
 * How often an event bonus may be earned by one member. Days, months and years are calendar
 * periods in the program's time zone.
 *
 * <p>Immutable and thread-safe.
 */
public enum Frequency {
  /** Every qualifying event earns. */
  EVERY_TIME,
  /** Once per calendar day. */
  ONCE_PER_DAY,
  /** Once per calendar month. */
  ONCE_PER_MONTH,
  /** Once per calendar year. */
  ONCE_PER_YEAR,
  /** Once in the member's whole membership. */
  ONCE_EVER
}
