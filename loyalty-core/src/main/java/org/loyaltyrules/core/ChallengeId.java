package org.loyaltyrules.core;

/**
 * Identifies a challenge, stamp card or bundle.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ChallengeId(String value) implements Comparable<ChallengeId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public ChallengeId {
    Ids.check("challenge id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static ChallengeId of(String value) {
    return new ChallengeId(value);
  }

  @Override
  public int compareTo(ChallengeId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
