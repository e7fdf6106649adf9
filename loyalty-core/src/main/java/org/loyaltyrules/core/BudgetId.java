package org.loyaltyrules.core;

/**
 * Identifies a program-level budget, such as a campaign's points budget.
 *
 * <p>A non-blank string of at most 200 characters without control characters or surrounding
 * white space; two ids are equal when their values are. Immutable and thread-safe.
 *
 * @param value the id's text
 */
public record BudgetId(String value) implements Comparable<BudgetId> {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the bad value if it is null, blank, too long, or has
   *     control characters or surrounding white space
   */
  public BudgetId {
    Ids.check("budget id", value);
  }

  /** Returns the id with the given value; the same as the constructor. */
  public static BudgetId of(String value) {
    return new BudgetId(value);
  }

  @Override
  public int compareTo(BudgetId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id's value. */
  @Override
  public String toString() {
    return value;
  }
}
