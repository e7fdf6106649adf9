package org.loyaltyrules.core.member;

import java.math.BigDecimal;
import java.util.Locale;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when a return asks for more of a line than is left to return: more than was bought, or
 * a line already returned in full by an earlier return. Nothing is recorded.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReturnExceedsPurchaseException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final ActivityId purchase;
  private final LineId line;
  private final BigDecimal requested;
  private final BigDecimal returnable;

  /**
   * Creates the exception.
   *
   * @param returnId the return, for the message
   * @param purchase the purchase
   * @param line the line
   * @param requested the quantity the return asked for
   * @param returnable the quantity still returnable: bought less already returned
   */
  public ReturnExceedsPurchaseException(ActivityId returnId, ActivityId purchase, LineId line,
      BigDecimal requested, BigDecimal returnable) {
    super(String.format(Locale.ROOT, "return %s: line %s of purchase %s: cannot return %s, %s",
        returnId, line, purchase, requested.toPlainString(), returnable.signum() == 0
            ? "it was already returned in full"
            : "only " + returnable.toPlainString() + " is left to return"));
    this.purchase = purchase;
    this.line = line;
    this.requested = requested;
    this.returnable = returnable;
  }

  /** Returns the purchase. */
  public ActivityId purchase() {
    return purchase;
  }

  /** Returns the line. */
  public LineId line() {
    return line;
  }

  /** Returns the quantity the return asked for. */
  public BigDecimal requested() {
    return requested;
  }

  /** Returns the quantity that was still returnable; zero if the line was returned in full. */
  public BigDecimal returnable() {
    return returnable;
  }
}
