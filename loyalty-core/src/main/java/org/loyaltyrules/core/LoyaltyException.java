package org.loyaltyrules.core;

/**
 * The base of every exception the library throws on purpose. Each subclass names one kind of
 * problem and carries the offending values, so callers can react to the type rather than parse
 * the message.
 *
 * <p>Unchecked. An operation that throws a {@code LoyaltyException} has changed nothing: every
 * value the library works on is immutable, so a failed operation leaves all existing values as
 * they were.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class LoyaltyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with the given message.
   *
   * @param message what went wrong, naming the bad value and where it was found
   */
  public LoyaltyException(String message) {
    super(message);
  }
}
