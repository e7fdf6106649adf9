package org.loyaltyrules.core.decision;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.ShortfallPolicy;

/**
 * Something a decision tells the host to announce or carry out: "you earned 25 stars", "your
 * $5 voucher", "welcome to Gold", "free shipping on this order". The ledger postings say what
 * moved; effects say what the member should hear and what the host's other systems should do.
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface Effect {

  /**
   * Points earned into a lot.
   *
   * @param unit the unit
   * @param points how many; positive
   * @param rule the rule that granted them, if any
   * @param lot the lot they went into
   * @param pendingUntil when they vest, if they are pending
   */
  record PointsEarned(UnitId unit, long points, Optional<RuleId> rule, LotId lot,
      Optional<Instant> pendingUntil) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PointsEarned {
      Checks.present(unit, "unit");
      checkArgument(points > 0, "points earned must be positive, was %s", points);
      Checks.present(rule, "rule");
      Checks.present(lot, "lot");
      Checks.present(pendingUntil, "pending until");
    }
  }

  /**
   * Points taken back, for example because a purchase was returned.
   *
   * @param unit the unit
   * @param points how many; positive
   * @param activity the activity whose earning was reversed
   */
  record PointsReversed(UnitId unit, long points, ActivityId activity) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PointsReversed {
      Checks.present(unit, "unit");
      checkArgument(points > 0, "points reversed must be positive, was %s", points);
      Checks.present(activity, "activity");
    }
  }

  /**
   * Spent points given back, for example because an order paid with points was returned.
   *
   * @param unit the unit
   * @param points how many; positive
   * @param activity the activity whose spending was given back
   */
  record PointsRestored(UnitId unit, long points, ActivityId activity) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PointsRestored {
      Checks.present(unit, "unit");
      checkArgument(points > 0, "points restored must be positive, was %s", points);
      Checks.present(activity, "activity");
    }
  }

  /**
   * Points a return should have taken back but the member had already spent, and what the unit's
   * shortfall policy did: took them from pending points, let the balance go negative, or wrote
   * them off.
   *
   * @param unit the unit
   * @param points how many could not be taken from the available balance; positive
   * @param policy the policy that applied
   */
  record PointsShortfall(UnitId unit, long points, ShortfallPolicy policy) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PointsShortfall {
      Checks.present(unit, "unit");
      checkArgument(points > 0, "shortfall points must be positive, was %s", points);
      Checks.present(policy, "shortfall policy");
    }
  }

  /**
   * Points expired unused.
   *
   * @param unit the unit
   * @param points how many; positive
   * @param at when
   */
  record PointsExpired(UnitId unit, long points, Instant at) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PointsExpired {
      Checks.present(unit, "unit");
      checkArgument(points > 0, "points expired must be positive, was %s", points);
      Checks.present(at, "expired at");
    }
  }

  /**
   * A catalogue reward redeemed; the host delivers it.
   *
   * @param reward the reward
   * @param quantity how many; positive
   * @param unit the unit paid in
   * @param points the points paid; zero when it was granted free
   */
  record RewardRedeemed(RewardId reward, int quantity, UnitId unit, long points)
      implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public RewardRedeemed {
      Checks.present(reward, "reward");
      checkArgument(quantity > 0, "reward %s: quantity must be positive, was %s", reward,
          quantity);
      Checks.present(unit, "unit");
      checkArgument(points >= 0, "reward %s: points must not be negative, was %s", reward, points);
    }
  }

  /**
   * Points paid toward an order; the host takes their value off the order.
   *
   * @param purchase the order
   * @param unit the unit
   * @param points how many; positive
   * @param value the money they pay
   */
  record PaidWithPoints(ActivityId purchase, UnitId unit, long points, Money value)
      implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PaidWithPoints {
      Checks.present(purchase, "purchase");
      Checks.present(unit, "unit");
      checkArgument(points > 0, "points paid must be positive, was %s", points);
      Checks.present(value, "value");
      checkArgument(value.isPositive(), "value of %s points paid must be positive, was %s", points,
          value);
    }
  }

  /**
   * A money voucher issued to the member; the host may mirror it in its own coupon system.
   *
   * @param voucher the voucher
   */
  record VoucherIssued(Voucher voucher) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if the voucher is null. */
    public VoucherIssued {
      Checks.present(voucher, "voucher");
    }
  }

  /**
   * A voucher taken back, for example because the purchase that earned it was returned; the host
   * should withdraw it from its own coupon system too.
   *
   * @param voucher the voucher, now revoked
   */
  record VoucherRevoked(Voucher voucher) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if the voucher is null. */
    public VoucherRevoked {
      Checks.present(voucher, "voucher");
    }
  }

  /**
   * A voucher reached its expiry unused.
   *
   * @param voucher the voucher, now expired
   */
  record VoucherExpired(Voucher voucher) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if the voucher is null. */
    public VoucherExpired {
      Checks.present(voucher, "voucher");
    }
  }

  /**
   * Points donated to a cause, with the money the cause receives; the host can turn it into a
   * receipt.
   *
   * @param cause the cause
   * @param unit the unit
   * @param points how many; positive
   * @param value the money given
   */
  record DonationMade(CauseId cause, UnitId unit, long points, Money value) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public DonationMade {
      Checks.present(cause, "cause");
      Checks.present(unit, "unit");
      checkArgument(points > 0, "points donated must be positive, was %s", points);
      Checks.present(value, "value");
      checkArgument(value.isPositive(), "value of %s points donated must be positive, was %s",
          points, value);
    }
  }

  /**
   * The member's tier changed.
   *
   * @param from the tier held before, if any
   * @param to the tier held now
   */
  record TierChanged(Optional<TierId> from, TierId to) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public TierChanged {
      Checks.present(from, "from tier");
      Checks.present(to, "to tier");
      checkArgument(!from.equals(Optional.of(to)), "tier change from %s to itself", to);
    }
  }

  /**
   * A paid membership began, renewed, lapsed or was cancelled.
   *
   * @param plan the plan
   * @param status its status now
   * @param expiresAt when its term ends, if it has one
   */
  record MembershipChanged(PlanId plan, MembershipStatus status, Optional<Instant> expiresAt)
      implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public MembershipChanged {
      Checks.present(plan, "plan");
      Checks.present(status, "plan " + plan + ": status");
      Checks.present(expiresAt, "plan " + plan + ": expires at");
    }
  }

  /**
   * A benefit the host delivers with this activity, such as free shipping or an upgrade.
   *
   * @param perk the benefit, as the program names it
   * @param source what grants it, for example {@code tier gold} or {@code plan prime}
   */
  record PerkGranted(String perk, String source) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if a part is blank. */
    public PerkGranted {
      Checks.text(perk, "perk");
      Checks.text(source, "perk " + perk + ": source");
    }
  }

  /**
   * A member price to charge on this purchase: a paid plan's discount on the lines it covers.
   * Points are earned on the prices the purchase carries, so a host that charges the discount
   * reports the purchase at the prices charged.
   *
   * @param plan the plan whose discount it is
   * @param amount the discount, in the purchase's currency; positive
   */
  record DiscountGranted(PlanId plan, Money amount) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public DiscountGranted {
      Checks.present(plan, "plan");
      Checks.present(amount, "plan " + plan + ": discount");
      checkArgument(amount.isPositive(), "plan %s: discount must be positive, was %s", plan,
          amount);
    }
  }

  /**
   * A return took back spend whose year's dividend was already issued; the plan's policy says
   * what follows.
   *
   * @param plan the plan whose dividend it is
   * @param year the calendar year the returned purchase counted toward
   * @param amount what the returned spend added to that dividend; zero or more
   * @param policy {@code KEEP}: the member keeps it; {@code REDUCE_NEXT}: the next dividend is
   *     reduced by {@code amount}
   */
  record DividendAdjusted(PlanId plan, int year, Money amount, Dividend.ReturnPolicy policy)
      implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public DividendAdjusted {
      Checks.present(plan, "plan");
      Checks.present(amount, "plan " + plan + ": dividend adjustment");
      checkArgument(!amount.isNegative(), "plan %s: dividend adjustment must not be negative, "
          + "was %s", plan, amount);
      Checks.present(policy, "plan " + plan + ": dividend return policy");
    }
  }

  /**
   * Points transferred to a partner's own program, for the host to credit there.
   *
   * @param partner the partner
   * @param unit the member's unit the points were taken from
   * @param points how many points; positive
   * @param partnerUnit what the partner's program calls its units
   * @param partnerUnits how many of them the transfer gives; positive
   */
  record PointsTransferred(PartnerId partner, UnitId unit, long points, String partnerUnit,
      long partnerUnits) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public PointsTransferred {
      Checks.present(partner, "partner");
      Checks.present(unit, "partner " + partner + ": unit");
      checkArgument(points > 0, "transferred points must be positive, was %s", points);
      Checks.text(partnerUnit, "partner " + partner + ": partner unit");
      checkArgument(partnerUnits > 0, "transferred partner units must be positive, was %s",
          partnerUnits);
    }
  }

  /**
   * The member's account was closed.
   *
   * @param reason why
   */
  record AccountClosed(String reason) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if the reason is blank. */
    public AccountClosed {
      Checks.text(reason, "closure reason");
    }
  }

  /**
   * A challenge's progress changed, so the host can show "2 of 3 check-ins this week".
   *
   * @param challenge the challenge
   * @param window the window counted: {@code all} with no window, the campaign's
   *     {@code campaign}, or the ISO date, week ({@code 2026-W10}) or month of a calendar window
   * @param progress the progress toward the next completion in the window (for a streak, toward
   *     the target of this window); never above the target
   * @param target the target
   * @param completions how often it completed in the window
   * @param streak for a streak, the consecutive windows that met the target so far; 0 otherwise
   */
  record ChallengeProgressed(ChallengeId challenge, String window, BigDecimal progress,
      BigDecimal target, long completions, int streak) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public ChallengeProgressed {
      Checks.present(challenge, "challenge");
      Checks.text(window, "challenge " + challenge + ": window");
      Checks.present(progress, "challenge " + challenge + ": progress");
      Checks.positive(target, "challenge " + challenge + ": target");
      checkArgument(progress.signum() >= 0 && progress.compareTo(target) <= 0,
          "challenge %s: progress %s must be between 0 and the target %s", challenge,
          progress.toPlainString(), target.toPlainString());
      checkArgument(completions >= 0 && streak >= 0,
          "challenge %s: completions %s and streak %s must not be negative", challenge,
          completions, streak);
    }
  }

  /**
   * A challenge completed; its grant, if any, comes in the effects that follow.
   *
   * @param challenge the challenge
   * @param window the window it completed in, as in {@link ChallengeProgressed}
   * @param completion which completion in the window this is; 1 for the first
   */
  record ChallengeCompleted(ChallengeId challenge, String window, long completion)
      implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public ChallengeCompleted {
      Checks.present(challenge, "challenge");
      Checks.text(window, "challenge " + challenge + ": window");
      checkArgument(completion > 0, "challenge %s: completion must be positive, was %s",
          challenge, completion);
    }
  }

  /**
   * A return undid a challenge's completion, and its grant was taken back (in the effects just
   * before this one).
   *
   * @param challenge the challenge
   * @param window the window the completion was in
   */
  record ChallengeCompletionRevoked(ChallengeId challenge, String window) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public ChallengeCompletionRevoked {
      Checks.present(challenge, "challenge");
      Checks.text(window, "challenge " + challenge + ": window");
    }
  }

  /**
   * A badge earned, raised to a higher level, or renewed.
   *
   * @param badge the badge
   * @param level the level held; 1 for the first
   * @param levelName that level's name
   * @param until when a temporary badge lapses; empty for good
   */
  record BadgeEarned(BadgeId badge, int level, String levelName, Optional<Instant> until)
      implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public BadgeEarned {
      Checks.present(badge, "badge");
      checkArgument(level > 0, "badge %s: level must be positive, was %s", badge, level);
      Checks.text(levelName, "badge " + badge + ": level name");
      Checks.present(until, "badge " + badge + ": until");
    }
  }

  /**
   * A badge lowered or lost: a return took its count below the level held, or a temporary badge
   * lapsed.
   *
   * @param badge the badge
   * @param from the level held before
   * @param to the level held now; 0 for none
   * @param lapsed true if it lapsed with time, false if a return took it back
   */
  record BadgeLost(BadgeId badge, int from, int to, boolean lapsed) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public BadgeLost {
      Checks.present(badge, "badge");
      checkArgument(to >= 0 && from > to, "badge %s: must fall from a level above 0 to a lower "
          + "one, was %s to %s", badge, from, to);
    }
  }

  /**
   * A referred member's purchase qualified for the referral program: the member got the friend's
   * reward, and the host should report a {@link org.loyaltyrules.core.activity.ReferralCredit} for
   * this member and purchase to the referrer's state.
   *
   * @param referrer the member who referred this one
   * @param purchase the qualifying purchase
   */
  record ReferralQualified(MemberId referrer, ActivityId purchase) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if a part is null. */
    public ReferralQualified {
      Checks.present(referrer, "referrer");
      Checks.present(purchase, "referral purchase");
    }
  }

  /**
   * A referred member returned the referral's qualifying purchase within the return window, so
   * that it no longer qualifies: the friend's reward was taken back, and the host should report a
   * {@link org.loyaltyrules.core.activity.ReferralWithdrawal} for this member and purchase to the
   * referrer's state.
   *
   * @param referrer the member who referred this one
   * @param purchase the returned purchase
   */
  record ReferralWithdrawn(MemberId referrer, ActivityId purchase) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} if a part is null. */
    public ReferralWithdrawn {
      Checks.present(referrer, "referrer");
      Checks.present(purchase, "referral purchase");
    }
  }

  /**
   * Entries a member earned in a sweepstakes draw: "you have 1 more entry in this week's draw".
   *
   * @param draw the draw
   * @param entries how many; positive
   */
  record DrawEntriesEarned(DrawId draw, long entries) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public DrawEntriesEarned {
      Checks.present(draw, "draw");
      checkArgument(entries > 0, "draw %s: entries earned must be positive, was %s", draw,
          entries);
    }
  }

  /**
   * Entries taken out of a sweepstakes draw, because the purchase that earned them was
   * returned.
   *
   * @param draw the draw
   * @param entries how many; positive
   */
  record DrawEntriesWithdrawn(DrawId draw, long entries) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public DrawEntriesWithdrawn {
      Checks.present(draw, "draw");
      checkArgument(entries > 0, "draw %s: entries withdrawn must be positive, was %s", draw,
          entries);
    }
  }

  /**
   * A play of an instant-win game and its outcome: the prize won, or none. What the prize grants
   * in the program (points, a voucher, a reward) comes as its own effects; a prize without a
   * grant is for the host to deliver.
   *
   * @param game the game
   * @param prize the prize won; empty if the play won nothing
   */
  record InstantWinPlayed(DrawId game, Optional<PrizeId> prize) implements Effect {
    /** Validates the effect; throws {@link IllegalArgumentException} naming a bad value. */
    public InstantWinPlayed {
      Checks.present(game, "game");
      Checks.present(prize, "game " + game + ": prize");
    }
  }
}
