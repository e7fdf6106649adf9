package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.internal.Checks;

/**
 * One stretch of a paid membership and what bought it: a fee payment's term, or a free trial.
 *
 * <p>Immutable and thread-safe.
 *
 * @param payment the fee payment, or the trial, that bought it
 * @param paid the fee paid; zero for a trial
 * @param from when it begins, inclusive
 * @param until when it ends, exclusive; empty for a lifetime membership
 */
public record FeeTerm(ActivityId payment, Money paid, Instant from, Optional<Instant> until) {
  /**
   * Validates the term.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the fee is negative
   *     or the term does not end after it begins
   */
  public FeeTerm {
    Checks.present(payment, "fee term payment");
    Checks.present(paid, "fee term " + payment + ": paid");
    checkArgument(!paid.isNegative(), "fee term %s: paid must not be negative, was %s", payment,
        paid);
    Checks.present(from, "fee term " + payment + ": from");
    Checks.present(until, "fee term " + payment + ": until");
    until.ifPresent(u -> checkArgument(u.isAfter(from),
        "fee term %s: until %s is not after from %s", payment, u, from));
  }

  /** Returns true if the term covers {@code at}. */
  public boolean covers(Instant at) {
    return !at.isBefore(from) && until.map(at::isBefore).orElse(true);
  }

  /** Returns true if this is a free trial. */
  public boolean isTrial() {
    return paid.isZero();
  }
}
