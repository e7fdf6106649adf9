package org.loyaltyrules.core;

/**
 * Identifies a prize of a sweepstakes draw or an instant-win game, unique within it.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record PrizeId(String value) implements Comparable<PrizeId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public PrizeId {
    Ids.check("prize id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static PrizeId of(String value) {
    return new PrizeId(value);
  }

  @Override
  public int compareTo(PrizeId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
