package org.loyaltyrules.core;

/**
 * Identifies a money-valued voucher held by a member. Derived from the activity that issued it, so the same inputs always give the same ids.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record VoucherId(String value) implements Comparable<VoucherId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public VoucherId {
    Ids.check("voucher id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static VoucherId of(String value) {
    return new VoucherId(value);
  }

  @Override
  public int compareTo(VoucherId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
