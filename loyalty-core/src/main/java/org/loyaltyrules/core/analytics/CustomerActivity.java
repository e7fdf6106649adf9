package org.loyaltyrules.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;

import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.internal.Checks;

/**
 * One customer's spend and visits over a period, as the host measured them, tagged member or
 * not, for comparing members with non-members in
 * {@link ProgramMetrics#membersVersusNonMembers(java.util.Collection, java.util.Currency)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param member true if the customer was a member of the program during the period
 * @param spend what the customer spent in the period; zero or more
 * @param visits how many visits (orders, trips) the customer made in the period; zero or more
 */
public record CustomerActivity(boolean member, Money spend, long visits) {
  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException naming the bad value if the spend is null or negative or
   *     the visits are negative
   */
  public CustomerActivity {
    Checks.present(spend, "customer activity: spend");
    checkArgument(!spend.isNegative(), "customer activity: spend must not be negative, was %s",
        spend);
    Checks.notNegative(visits, "customer activity: visits");
  }
}
