package org.loyaltyrules.core.rule;

/**
 * What a cap counts over. Days, months and years are calendar periods in the program's time zone.
 *
 * <p>Immutable and thread-safe.
 */
public enum CapScope {
  /** One activity. */
  ACTIVITY,
  /** One calendar day. */
  DAY,
  /** One calendar month. */
  MONTH,
  /** One calendar year. */
  YEAR,
  /** The member's whole membership. */
  MEMBER
}
