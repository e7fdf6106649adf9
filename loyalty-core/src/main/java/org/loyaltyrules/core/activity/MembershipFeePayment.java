package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;

/**
 * A member paid the fee of a paid membership plan (a VIP or co-branded card plan), joining or
 * renewing it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the fee was paid
 * @param plan the plan paid for
 * @param amount the fee paid; greater than zero
 */
public record MembershipFeePayment(ActivityId id, Instant occurredAt, PlanId plan, Money amount)
    implements Activity {
  private static final String KIND = "membership fee payment";

  /**
   * Validates the payment.
   *
   * @throws IllegalArgumentException naming the payment and the bad value if any argument is
   *     null or the amount is zero or negative
   */
  public MembershipFeePayment {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(plan, KIND, id, "plan");
    Checks.positive(amount, KIND, id, "amount");
  }
}
