package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Period;
import java.util.Optional;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.LineFilter;

/**
 * A two-sided referral program ("give $10, get $10"): a member whom another member referred
 * ({@link org.loyaltyrules.core.member.Member#referredBy()}) gets the friend's grant on their
 * first purchase whose qualifying spend reaches the minimum, and the referrer gets the
 * referrer's grant when the host reports that purchase to the referrer's state, at most
 * {@link Limit#referrals()} rewarded referrals per referrer (per calendar period, or ever). If the
 * friend returns that purchase within the return window so that it no longer qualifies, both
 * rewards are taken back.
 *
 * <p>The qualifying spend of a purchase is the total of its lines that {@link #lines()} matches,
 * at the prices paid, without tax or shipping. A friend qualifies once ever: a purchase whose
 * rewards were taken back does not let a later purchase qualify again, so buying and returning
 * cannot be repeated for rewards.
 *
 * <p>Immutable and thread-safe.
 *
 * @param friend what the referred member gets on the first qualifying purchase
 * @param referrer what the referrer gets for each rewarded referral
 * @param minimumSpend the least qualifying spend of the purchase; zero or more, in the
 *     program's currency (checked by the program)
 * @param lines the lines whose spend qualifies; {@link LineFilter#all()} for every line
 * @param limit the most rewarded referrals per referrer; empty for no limit
 * @param returnWindow how long after the purchase a return that leaves it no longer qualifying
 *     takes the rewards back; zero for never; at most the program's activity horizon (checked by
 *     the program)
 */
public record ReferralTerms(Grant friend, Grant referrer, Money minimumSpend, LineFilter lines,
    Optional<Limit> limit, Period returnWindow) {

  /**
   * The most referrals one referrer is rewarded for: in each calendar period of the program's
   * zone, counted by when the referral was credited, or ever if no period is given. A referral
   * whose rewards were taken back no longer counts.
   *
   * <p>Immutable and thread-safe.
   *
   * @param referrals how many; at least 1
   * @param per the calendar period the count restarts in; empty for a lifetime limit
   */
  public record Limit(int referrals, Optional<CalendarPeriod> per) {
    /**
     * Validates the limit.
     *
     * @throws IllegalArgumentException naming the bad value if the count is less than 1 or the
     *     period is null
     */
    public Limit {
      checkArgument(referrals >= 1, "referral limit must be at least 1, was %s", referrals);
      Checks.present(per, "referral limit period");
    }

    /** Returns a limit of {@code referrals} ever. */
    public static Limit ever(int referrals) {
      return new Limit(referrals, Optional.empty());
    }

    /** Returns a limit of {@code referrals} in each calendar period. */
    public static Limit per(int referrals, CalendarPeriod period) {
      return new Limit(referrals, Optional.of(Checks.present(period, "referral limit period")));
    }
  }

  /**
   * Validates the terms.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the minimum spend
   *     is negative, or the return window is negative
   */
  public ReferralTerms {
    Checks.present(friend, "referral friend grant");
    Checks.present(referrer, "referral referrer grant");
    Checks.present(minimumSpend, "referral minimum spend");
    checkArgument(!minimumSpend.isNegative(), "referral minimum spend must not be negative, was "
        + "%s", minimumSpend);
    Checks.present(lines, "referral lines");
    Checks.present(limit, "referral limit");
    Checks.present(returnWindow, "referral return window");
    checkArgument(!returnWindow.isNegative(), "referral return window must not be negative, was "
        + "%s", returnWindow);
  }

  /**
   * Returns terms where every line qualifies and there is no limit.
   *
   * @throws IllegalArgumentException as the constructor does
   */
  public static ReferralTerms of(Grant friend, Grant referrer, Money minimumSpend,
      Period returnWindow) {
    return new ReferralTerms(friend, referrer, minimumSpend, LineFilter.all(), Optional.empty(),
        returnWindow);
  }

  /** Returns a copy where only the spend on the given lines qualifies. */
  public ReferralTerms withLines(LineFilter lines) {
    return new ReferralTerms(friend, referrer, minimumSpend, lines, limit, returnWindow);
  }

  /** Returns a copy with the given limit per referrer. */
  public ReferralTerms withLimit(Limit limit) {
    return new ReferralTerms(friend, referrer, minimumSpend, lines,
        Optional.of(Checks.present(limit, "referral limit")), returnWindow);
  }
}
