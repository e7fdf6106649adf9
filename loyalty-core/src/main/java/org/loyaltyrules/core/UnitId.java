package org.loyaltyrules.core;

/**
 * Identifies a point unit of a program, such as {@code stars}, {@code miles} or {@code tier-points}.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record UnitId(String value) implements Comparable<UnitId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public UnitId {
    Ids.check("unit id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static UnitId of(String value) {
    return new UnitId(value);
  }

  @Override
  public int compareTo(UnitId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
