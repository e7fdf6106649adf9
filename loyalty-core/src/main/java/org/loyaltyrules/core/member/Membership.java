package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A member's paid membership of one plan: when it started, when the paid term ends, the payment
 * that bought the current term, and its status.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plan the plan
 * @param startedAt when the membership began
 * @param expiresAt when the paid term ends; empty for a lifetime membership
 * @param payment the fee payment that bought the current term
 * @param status where it stands
 */
public record Membership(PlanId plan, Instant startedAt, Optional<Instant> expiresAt,
    ActivityId payment, MembershipStatus status) {
  /**
   * Validates the membership.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or it expires before
   *     it started
   */
  public Membership {
    Checks.present(plan, "membership plan");
    Checks.present(startedAt, "membership " + plan + ": started at");
    Checks.present(expiresAt, "membership " + plan + ": expires at");
    expiresAt.ifPresent(e -> checkArgument(e.isAfter(startedAt),
        "membership %s: expires at %s is not after started at %s", plan, e, startedAt));
    Checks.present(payment, "membership " + plan + ": payment");
    Checks.present(status, "membership " + plan + ": status");
  }

  /**
   * Returns true if the membership is active at {@code at}: its status is active, it has started,
   * and its term has not ended.
   */
  public boolean isActiveAt(Instant at) {
    Checks.present(at, "membership " + plan + ": instant");
    return status == MembershipStatus.ACTIVE && !at.isBefore(startedAt)
        && expiresAt.map(at::isBefore).orElse(true);
  }

  /** Returns a copy with the given status. */
  public Membership withStatus(MembershipStatus status) {
    return new Membership(plan, startedAt, expiresAt, payment, status);
  }
}
