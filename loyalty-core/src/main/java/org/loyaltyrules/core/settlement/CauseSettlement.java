package org.loyaltyrules.core.settlement;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.internal.Checks;

/**
 * One cause's line of a {@link SettlementStatement}: the points members donated to it in the
 * period, less any given back, and what the operator owes it for them at the cause's point
 * value, rounded once under the program's settlement rounding.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cause the cause
 * @param donated the points donated, less those given back
 * @param exactDue what the points are worth, exact
 * @param due {@code exactDue}, rounded; what the operator pays the cause
 */
public record CauseSettlement(CauseId cause, long donated, Money exactDue, Money due) {
  /**
   * Validates the line.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or the amounts are
   *     in different currencies
   */
  public CauseSettlement {
    Checks.present(cause, "settlement cause");
    Checks.present(exactDue, "cause " + cause + ": exact amount due");
    Checks.present(due, "cause " + cause + ": amount due");
    checkArgument(exactDue.currency().equals(due.currency()),
        "cause %s: amounts %s and %s must be in one currency", cause, exactDue, due);
  }
}
