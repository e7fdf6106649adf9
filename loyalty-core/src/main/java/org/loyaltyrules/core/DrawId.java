package org.loyaltyrules.core;

/**
 * Identifies a sweepstakes or instant-win draw.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record DrawId(String value) implements Comparable<DrawId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public DrawId {
    Ids.check("draw id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static DrawId of(String value) {
    return new DrawId(value);
  }

  @Override
  public int compareTo(DrawId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
