package org.loyaltyrules.core;

/**
 * Identifies a line of a purchase, unique within that purchase.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record LineId(String value) implements Comparable<LineId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public LineId {
    Ids.check("line id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static LineId of(String value) {
    return new LineId(value);
  }

  @Override
  public int compareTo(LineId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
