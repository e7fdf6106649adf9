package org.loyaltyrules.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.internal.Checks;

/**
 * The summed spend and visits of one group of customers (members, or non-members) over a
 * period, and the group's averages per customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customers how many customers the group has; zero or more
 * @param spend what they spent in all; zero or more
 * @param visits how many visits they made in all; zero or more
 */
public record GroupActivity(long customers, Money spend, long visits) {
  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException naming the bad value if the spend is null or negative or a
   *     count is negative
   */
  public GroupActivity {
    Checks.notNegative(customers, "group activity: customers");
    Checks.present(spend, "group activity: spend");
    checkArgument(!spend.isNegative(), "group activity: spend must not be negative, was %s",
        spend);
    Checks.notNegative(visits, "group activity: visits");
  }

  /**
   * Returns the average spend per customer, in the spend's currency: {@code spend / customers}.
   * Undefined for an empty group.
   */
  public Ratio averageSpend() {
    return Ratio.of(spend.amount(), BigDecimal.valueOf(customers));
  }

  /**
   * Returns the average visits per customer: {@code visits / customers}. Undefined for an empty
   * group.
   */
  public Ratio averageVisits() {
    return Ratio.of(visits, customers);
  }

  /**
   * Returns the average spend per visit, in the spend's currency: {@code spend / visits}.
   * Undefined when the group made no visits.
   */
  public Ratio spendPerVisit() {
    return Ratio.of(spend.amount(), BigDecimal.valueOf(visits));
  }
}
