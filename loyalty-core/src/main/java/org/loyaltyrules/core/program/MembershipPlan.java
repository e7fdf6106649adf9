package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A paid membership: a fee buys benefits for a term (Amazon Prime: $139 a year, free two-day
 * shipping) or for life (REI Co-op: $20 once, and a yearly dividend).
 *
 * <p>A fee payment starts a membership, or renews it: paid before the term ends, or within the
 * grace period after it, it adds one term to the end of the last; paid later it starts a new
 * membership. A membership with no term covering an instant gives no benefits then: during the
 * grace period it waits for a renewal, after it the membership has lapsed. An optional free
 * trial starts with a {@link org.loyaltyrules.core.activity.MembershipTrial}; a fee paid during
 * it buys the term that follows it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the plan's id, unique within the program
 * @param name its display name
 * @param fee the fee for one term, in the program's currency (checked by the program); positive
 * @param term how long one payment lasts ({@code P1Y} annual, {@code P1M} monthly); empty for a
 *     one-time fee buying a lifetime membership
 * @param perks benefits delivered as effects with every purchase while the membership is
 *     active, such as {@code free-shipping}; sorted
 * @param earnMultiplier what points earned on purchases are multiplied by while it is active; 1
 *     for none
 * @param trial the length of the free trial; empty for none
 * @param grace how long after a term ends a payment still renews it; {@link Period#ZERO} for
 *     none; only for plans with a term, and shorter than it
 * @param discount the member price: a percentage off, announced with each purchase; empty for
 *     none
 * @param dividend the annual dividend on the spend while a member; empty for none
 */
public record MembershipPlan(PlanId id, String name, Money fee, Optional<Period> term,
    Set<String> perks, BigDecimal earnMultiplier, Optional<Period> trial, Period grace,
    Optional<MemberDiscount> discount, Optional<Dividend> dividend) {
  /**
   * Validates and copies the plan.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name or a perk
   *     is blank, the fee is not positive, the term or the trial is not positive, the multiplier
   *     is below 1, or the grace period is negative, given to a lifetime plan or not shorter than
   *     the term
   */
  public MembershipPlan {
    Checks.present(id, "plan id");
    Checks.text(name, "plan " + id + ": name");
    Checks.present(fee, "plan " + id + ": fee");
    checkArgument(fee.isPositive(), "plan %s: fee must be positive, was %s", id, fee);
    Checks.present(term, "plan " + id + ": term");
    term.ifPresent(t -> checkArgument(!t.isNegative() && !t.isZero(),
        "plan %s: term must be positive, was %s", id, t));
    perks = Checks.names(perks, "plan " + id + ": perks");
    Checks.present(earnMultiplier, "plan " + id + ": earn multiplier");
    checkArgument(earnMultiplier.compareTo(BigDecimal.ONE) >= 0,
        "plan %s: earn multiplier must be at least 1, was %s", id,
        earnMultiplier.stripTrailingZeros().toPlainString());
    Checks.present(trial, "plan " + id + ": trial");
    trial.ifPresent(t -> checkArgument(!t.isNegative() && !t.isZero(),
        "plan %s: trial must be positive, was %s", id, t));
    Checks.present(grace, "plan " + id + ": grace");
    checkArgument(!grace.isNegative(), "plan %s: grace must not be negative, was %s", id, grace);
    checkArgument(grace.isZero() || term.isPresent(),
        "plan %s: grace %s given, but a lifetime membership never needs renewing", id, grace);
    term.ifPresent(t -> checkArgument(approximateDays(grace) < approximateDays(t),
        "plan %s: grace %s must be shorter than the term %s", id, grace, t));
    Checks.present(discount, "plan " + id + ": discount");
    Checks.present(dividend, "plan " + id + ": dividend");
  }

  /**
   * Creates a plan with no trial, grace period, discount or dividend.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public MembershipPlan(PlanId id, String name, Money fee, Optional<Period> term,
      Set<String> perks, BigDecimal earnMultiplier) {
    this(id, name, fee, term, perks, earnMultiplier, Optional.empty(), Period.ZERO,
        Optional.empty(), Optional.empty());
  }

  /** Returns a plan renewed by paying {@code fee} every {@code term}, with the given perks. */
  public static MembershipPlan recurring(String id, String name, Money fee, Period term,
      Set<String> perks) {
    return new MembershipPlan(PlanId.of(id), name, fee,
        Optional.of(Checks.present(term, "plan " + id + ": term")), perks, BigDecimal.ONE);
  }

  /** Returns a plan paid once for a lifetime membership, with the given perks. */
  public static MembershipPlan lifetime(String id, String name, Money fee, Set<String> perks) {
    return new MembershipPlan(PlanId.of(id), name, fee, Optional.empty(), perks, BigDecimal.ONE);
  }

  /** Returns a copy with the given earn multiplier. */
  public MembershipPlan withEarnMultiplier(BigDecimal multiplier) {
    return new MembershipPlan(id, name, fee, term, perks, multiplier, trial, grace, discount,
        dividend);
  }

  /** Returns a copy with a free trial of the given length. */
  public MembershipPlan withTrial(Period trial) {
    return new MembershipPlan(id, name, fee, term, perks, earnMultiplier,
        Optional.of(Checks.present(trial, "plan " + id + ": trial")), grace, discount, dividend);
  }

  /** Returns a copy whose terms can be renewed up to {@code grace} after they end. */
  public MembershipPlan withGrace(Period grace) {
    return new MembershipPlan(id, name, fee, term, perks, earnMultiplier, trial, grace, discount,
        dividend);
  }

  /** Returns a copy with the given member discount. */
  public MembershipPlan withDiscount(MemberDiscount discount) {
    return new MembershipPlan(id, name, fee, term, perks, earnMultiplier, trial, grace,
        Optional.of(Checks.present(discount, "plan " + id + ": discount")), dividend);
  }

  /** Returns a copy with the given annual dividend. */
  public MembershipPlan withDividend(Dividend dividend) {
    return new MembershipPlan(id, name, fee, term, perks, earnMultiplier, trial, grace, discount,
        Optional.of(Checks.present(dividend, "plan " + id + ": dividend")));
  }

  /** Returns true if one payment lasts for life. */
  public boolean isLifetime() {
    return term.isEmpty();
  }

  private static long approximateDays(Period period) {
    return period.toTotalMonths() * 30 + period.getDays();
  }
}
