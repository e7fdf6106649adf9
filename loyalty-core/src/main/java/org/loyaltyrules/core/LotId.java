package org.loyaltyrules.core;

/**
 * Identifies a lot of points in a member's ledger. Lot ids are derived from the activity and rule that earned them, so the same inputs always give the same ids.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record LotId(String value) implements Comparable<LotId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public LotId {
    Ids.check("lot id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static LotId of(String value) {
    return new LotId(value);
  }

  @Override
  public int compareTo(LotId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
