package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;

/**
 * A membership fee, or part of it, was refunded to the member.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the fee was refunded
 * @param plan the plan whose fee is refunded
 * @param amount the amount refunded; greater than zero
 * @param payment the id of the {@link MembershipFeePayment} refunded; not the refund's own id
 */
public record MembershipFeeRefund(ActivityId id, Instant occurredAt, PlanId plan, Money amount,
    ActivityId payment) implements Activity {
  private static final String KIND = "membership fee refund";

  /**
   * Validates the refund.
   *
   * @throws IllegalArgumentException naming the refund and the bad value if any argument is null,
   *     the amount is zero or negative, or the payment is the refund's own id
   */
  public MembershipFeeRefund {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(plan, KIND, id, "plan");
    Checks.positive(amount, KIND, id, "amount");
    Checks.other(payment, id, KIND, "payment");
  }
}
