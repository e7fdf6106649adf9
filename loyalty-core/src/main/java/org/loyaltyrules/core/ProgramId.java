package org.loyaltyrules.core;

/**
 * Identifies a loyalty program.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record ProgramId(String value) implements Comparable<ProgramId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public ProgramId {
    Ids.check("program id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static ProgramId of(String value) {
    return new ProgramId(value);
  }

  @Override
  public int compareTo(ProgramId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
