package org.loyaltyrules.core;

/**
 * Identifies a cause that members can donate points to.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record CauseId(String value) implements Comparable<CauseId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public CauseId {
    Ids.check("cause id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static CauseId of(String value) {
    return new CauseId(value);
  }

  @Override
  public int compareTo(CauseId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
