package org.loyaltyrules.core;

/**
 * Identifies a tier of a program's ladder.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record TierId(String value) implements Comparable<TierId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public TierId {
    Ids.check("tier id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static TierId of(String value) {
    return new TierId(value);
  }

  @Override
  public int compareTo(TierId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
