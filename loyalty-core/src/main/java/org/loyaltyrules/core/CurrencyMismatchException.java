package org.loyaltyrules.core;

import java.util.Currency;
import java.util.Locale;

/**
 * Thrown when two amounts of money in different currencies are combined, or when an amount is
 * not in the currency a program or purchase requires.
 *
 * <p>Immutable and thread-safe.
 */
public final class CurrencyMismatchException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final Currency expected;
  private final Currency actual;

  /**
   * Creates the exception.
   *
   * @param expected the currency required
   * @param actual the currency found
   * @param where where the mismatch was found, for the message (for example {@code "lines[2].unitPrice"})
   */
  public CurrencyMismatchException(Currency expected, Currency actual, String where) {
    super(String.format(Locale.ROOT, "%s: currency must be %s, was %s", where,
        expected.getCurrencyCode(), actual.getCurrencyCode()));
    this.expected = expected;
    this.actual = actual;
  }

  /** Returns the currency that was required. */
  public Currency expected() {
    return expected;
  }

  /** Returns the currency that was found. */
  public Currency actual() {
    return actual;
  }
}
