package org.loyaltyrules.rules.config;

import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when a state document cannot be read: the text is not JSON, the {@code format} is
 * missing or names another kind of document or another version, a property is unknown or
 * missing, a value has the wrong type or form, or the values are ones the model refuses (a lot
 * that spent more than it earned, postings out of sequence). Nothing is read in part.
 *
 * <p>{@link #path()} says where the problem is, as in {@code ledger.lots[3].amount}, and
 * {@link #reason()} what it is; the message is the two joined, {@code "ledger.lots[3].amount:
 * missing"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class StateFormatException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param path where the problem is: property names joined by dots and array indexes in
   *     brackets, as in {@code ledger.lots[3].amount}; empty for the document as a whole
   * @param reason what the problem is, naming the bad value
   * @throws IllegalArgumentException if an argument is null or the reason is blank
   */
  public StateFormatException(String path, String reason) {
    super(message(path, reason));
    this.path = path;
    this.reason = reason;
  }

  private static String message(String path, String reason) {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank, was '" + reason + "'");
    }
    return path.isEmpty() ? reason : path + ": " + reason;
  }

  /**
   * Returns where the problem is, as in {@code ledger.lots[3].amount}: property names joined by
   * dots, array indexes in brackets, and names that are not plain identifiers quoted in brackets
   * ({@code progress["spend/five-per-35"]}); empty for the document as a whole.
   */
  public String path() {
    return path;
  }

  /** Returns what the problem is, naming the bad value. */
  public String reason() {
    return reason;
  }
}
