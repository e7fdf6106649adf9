package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Optional;
import org.loyaltyrules.core.internal.Checks;

/**
 * A paid plan's annual dividend (REI Co-op's member reward): a percentage of what the member
 * spent while the membership was active in a calendar year, issued as a money voucher when the
 * year closes, rounded down to the currency's minor unit. A membership cancelled by a refund
 * before the year closes earns none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param percent the percentage of the year's eligible spend; more than 0, at most 100
 * @param onReturn what a return of a purchase whose year's dividend was already issued does
 * @param validity how long the voucher can be used; empty for no expiry
 */
public record Dividend(BigDecimal percent, ReturnPolicy onReturn, Optional<Period> validity) {
  /** What a return does to a dividend already issued for the purchase's year. */
  public enum ReturnPolicy {
    /** The member keeps the dividend issued; the decision says so. */
    KEEP,
    /** The next dividend is reduced by what the returned spend earned; the decision says so. */
    REDUCE_NEXT
  }

  /**
   * Validates the dividend.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the percentage is
   *     not more than 0 and at most 100, or the validity is not positive
   */
  public Dividend {
    Checks.present(percent, "dividend percent");
    checkArgument(percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "dividend percent must be more than 0 and at most 100, was %s", percent.toPlainString());
    percent = Checks.stripped(percent);
    Checks.present(onReturn, "dividend return policy");
    Checks.present(validity, "dividend validity");
    validity.ifPresent(v -> checkArgument(!v.isNegative() && !v.isZero(),
        "dividend validity must be positive, was %s", v));
  }

  /** Returns a dividend of {@code percent} % kept on returns, with vouchers that do not expire. */
  public static Dividend of(BigDecimal percent) {
    return new Dividend(percent, ReturnPolicy.KEEP, Optional.empty());
  }
}
