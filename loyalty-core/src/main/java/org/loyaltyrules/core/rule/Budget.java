package org.loyaltyrules.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A campaign budget: the most points the rules that name it may grant across all members. What
 * has been spent is kept in the program-level state, which decisions return changes to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the budget's id; rules naming the same id share it
 * @param points the most points; positive
 */
public record Budget(BudgetId id, long points) {
  /** Validates the budget; throws {@link IllegalArgumentException} naming a bad value. */
  public Budget {
    Checks.present(id, "budget id");
    checkArgument(points > 0, "budget %s must be positive, was %s", id, points);
  }

  /** Returns a budget of {@code points}. */
  public static Budget of(String id, long points) {
    return new Budget(BudgetId.of(id), points);
  }
}
