package org.loyaltyrules.core.analytics;

import java.math.BigDecimal;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.internal.Checks;

/**
 * Members against non-members over the same period (an A/B comparison of the program): each
 * group's totals and averages, and the <em>lift</em>, how many times the members' average is
 * the non-members'.
 *
 * <p>For example 2 members spending $300 in 6 visits and 4 non-members spending $200 in 4
 * visits: members average $150 and 3 visits, non-members $50 and 1 visit, so the spend lift is
 * {@code 150 / 50 = 3} and the visit lift {@code 3 / 1 = 3}. The lifts are exact fractions of
 * the totals: spend lift = {@code (memberSpend * nonMembers) / (nonMemberSpend * members)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param members the members' figures
 * @param nonMembers the non-members' figures, in the same currency
 */
public record MemberComparison(GroupActivity members, GroupActivity nonMembers) {
  /**
   * Validates the groups.
   *
   * @throws IllegalArgumentException if a group is null
   * @throws CurrencyMismatchException if the groups' spends are in different currencies
   */
  public MemberComparison {
    Checks.present(members, "member comparison: members");
    Checks.present(nonMembers, "member comparison: non-members");
    if (!members.spend().currency().equals(nonMembers.spend().currency())) {
      throw new CurrencyMismatchException(members.spend().currency(),
          nonMembers.spend().currency(), "member comparison: non-members' spend");
    }
  }

  /**
   * Returns the members' average spend over the non-members': {@code 3/1} when members spend
   * three times as much each. Undefined when either group is empty or non-members spent nothing.
   */
  public Ratio spendLift() {
    return lift(members.spend().amount(), members.customers(), nonMembers.spend().amount(),
        nonMembers.customers());
  }

  /**
   * Returns the members' average visits over the non-members'. Undefined when either group is
   * empty or non-members made no visits.
   */
  public Ratio visitLift() {
    return lift(BigDecimal.valueOf(members.visits()), members.customers(),
        BigDecimal.valueOf(nonMembers.visits()), nonMembers.customers());
  }

  /** (a / n) / (b / m) as (a * m) / (b * n); undefined if n or m is zero, or b is. */
  private static Ratio lift(BigDecimal a, long n, BigDecimal b, long m) {
    if (n == 0 || m == 0) {
      return Ratio.of(BigDecimal.ZERO, BigDecimal.ZERO);
    }
    return Ratio.of(a.multiply(BigDecimal.valueOf(m)), b.multiply(BigDecimal.valueOf(n)));
  }
}
