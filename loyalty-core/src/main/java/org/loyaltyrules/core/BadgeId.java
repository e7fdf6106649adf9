package org.loyaltyrules.core;

/**
 * Identifies a badge a member can earn.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record BadgeId(String value) implements Comparable<BadgeId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public BadgeId {
    Ids.check("badge id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static BadgeId of(String value) {
    return new BadgeId(value);
  }

  @Override
  public int compareTo(BadgeId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
