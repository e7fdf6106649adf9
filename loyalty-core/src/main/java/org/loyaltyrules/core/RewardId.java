package org.loyaltyrules.core;

/**
 * Identifies a reward in a program's catalogue.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record RewardId(String value) implements Comparable<RewardId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public RewardId {
    Ids.check("reward id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static RewardId of(String value) {
    return new RewardId(value);
  }

  @Override
  public int compareTo(RewardId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
