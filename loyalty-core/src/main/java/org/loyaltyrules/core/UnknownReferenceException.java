package org.loyaltyrules.core;

/**
 * Thrown when an operation names something that does not exist where it looked: a unit the
 * program does not define, a lot the ledger does not hold, an activity that spent nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownReferenceException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String value;

  /**
   * Creates the exception.
   *
   * @param kind what kind of thing was named, for example {@code "unit"} or {@code "lot"}
   * @param value the name that was not found
   * @param where where it was looked for
   */
  public UnknownReferenceException(String kind, String value, String where) {
    super("unknown " + kind + " '" + value + "' in " + where);
    this.kind = kind;
    this.value = value;
  }

  /** Returns what kind of thing was named. */
  public String kind() {
    return kind;
  }

  /** Returns the name that was not found. */
  public String value() {
    return value;
  }
}
