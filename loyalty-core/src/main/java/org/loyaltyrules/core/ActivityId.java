package org.loyaltyrules.core;

/**
 * Identifies an activity. The host assigns it; the library applies an activity id at most once within the program's activity horizon, so a retried call earns nothing twice.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ActivityId(String value) implements Comparable<ActivityId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public ActivityId {
    Ids.check("activity id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static ActivityId of(String value) {
    return new ActivityId(value);
  }

  @Override
  public int compareTo(ActivityId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
