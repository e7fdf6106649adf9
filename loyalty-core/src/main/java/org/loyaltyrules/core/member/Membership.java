package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A member's paid membership of one plan: when it started, the terms paid for (and any trial),
 * in order, and its status.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plan the plan
 * @param startedAt when the membership began
 * @param status where it stands as of the member's state
 * @param terms the terms, in order, each beginning where the one before ends; at least one
 */
public record Membership(PlanId plan, Instant startedAt, MembershipStatus status,
    List<FeeTerm> terms) {
  /**
   * Validates the membership.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, there are no terms,
   *     the first term begins before the membership, a term does not begin where the one before
   *     ended, or a lifetime term is followed by another
   */
  public Membership {
    Checks.present(plan, "membership plan");
    Checks.present(startedAt, "membership " + plan + ": started at");
    Checks.present(status, "membership " + plan + ": status");
    terms = Checks.list(terms, "membership " + plan + ": terms");
    checkArgument(!terms.isEmpty(), "membership %s: at least one term is required", plan);
    checkArgument(!terms.get(0).from().isBefore(startedAt),
        "membership %s: its first term begins at %s, before it started at %s", plan,
        terms.get(0).from(), startedAt);
    for (int i = 1; i < terms.size(); i++) {
      FeeTerm before = terms.get(i - 1);
      checkArgument(before.until().isPresent(),
          "membership %s: terms[%s] follows a lifetime term", plan, i);
      checkArgument(before.until().get().equals(terms.get(i).from()),
          "membership %s: terms[%s] begins at %s, not where terms[%s] ends, %s", plan, i,
          terms.get(i).from(), i - 1, before.until().get());
    }
  }

  /** Returns a membership of one term, started with it. */
  public static Membership of(PlanId plan, MembershipStatus status, FeeTerm term) {
    Checks.present(term, "membership " + plan + ": term");
    return new Membership(plan, term.from(), status, List.of(term));
  }

  /** Returns when the last term ends; empty for a lifetime membership. */
  public Optional<Instant> expiresAt() {
    return terms.get(terms.size() - 1).until();
  }

  /** Returns the payment (or trial) that bought the last term. */
  public ActivityId payment() {
    return terms.get(terms.size() - 1).payment();
  }

  /** Returns the term covering {@code at}, if any. */
  public Optional<FeeTerm> termAt(Instant at) {
    Checks.present(at, "membership " + plan + ": instant");
    for (FeeTerm term : terms) {
      if (term.covers(at)) {
        return Optional.of(term);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns true if the membership's benefits apply at {@code at}: a term (or the trial) covers
   * it. A refund ends the term it refunds at the refund, so a cancelled membership gives nothing
   * afterwards.
   */
  public boolean isActiveAt(Instant at) {
    return termAt(at).isPresent();
  }

  /** Returns a copy with the given status. */
  public Membership withStatus(MembershipStatus status) {
    return new Membership(plan, startedAt, status, terms);
  }

  /** Returns a copy with the given terms. */
  public Membership withTerms(List<FeeTerm> terms) {
    return new Membership(plan, startedAt, status, terms);
  }
}
