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
 * shipping) or for life (REI Co-op: $20 once).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the plan's id, unique within the program
 * @param name its display name
 * @param fee the fee for one term, in the program's currency (checked by the program); positive
 * @param term how long one payment lasts; empty for a lifetime membership
 * @param perks benefits delivered as effects while the membership is active; sorted
 * @param earnMultiplier what points earned on purchases are multiplied by while it is active; 1
 *     for none
 */
public record MembershipPlan(PlanId id, String name, Money fee, Optional<Period> term,
    Set<String> perks, BigDecimal earnMultiplier) {
  /**
   * Validates and copies the plan.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name or a perk
   *     is blank, the fee is not positive, the term is not positive, or the multiplier is not
   *     positive
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
    checkArgument(earnMultiplier.compareTo(java.math.BigDecimal.ONE) >= 0,
        "plan %s: earn multiplier must be at least 1, was %s", id,
        earnMultiplier.stripTrailingZeros().toPlainString());
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

  /** Returns true if one payment lasts for life. */
  public boolean isLifetime() {
    return term.isEmpty();
  }
}
