package org.loyaltyrules.rules.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An effect of a decision as stored: an object whose {@code type} names the kind of effect, one
 * stable name for each {@link org.loyaltyrules.core.decision.Effect} record. Values are written
 * as in {@link MemberDocument}; money is decimal text beside its currency code.
 *
 * <p>All implementations are immutable records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EffectDocument.PointsEarned.class, name = "points-earned"),
    @JsonSubTypes.Type(value = EffectDocument.PointsReversed.class, name = "points-reversed"),
    @JsonSubTypes.Type(value = EffectDocument.PointsRestored.class, name = "points-restored"),
    @JsonSubTypes.Type(value = EffectDocument.PointsShortfall.class, name = "points-shortfall"),
    @JsonSubTypes.Type(value = EffectDocument.PointsExpired.class, name = "points-expired"),
    @JsonSubTypes.Type(value = EffectDocument.RewardRedeemed.class, name = "reward-redeemed"),
    @JsonSubTypes.Type(value = EffectDocument.PaidWithPoints.class, name = "paid-with-points"),
    @JsonSubTypes.Type(value = EffectDocument.VoucherIssued.class, name = "voucher-issued"),
    @JsonSubTypes.Type(value = EffectDocument.VoucherRevoked.class, name = "voucher-revoked"),
    @JsonSubTypes.Type(value = EffectDocument.VoucherExpired.class, name = "voucher-expired"),
    @JsonSubTypes.Type(value = EffectDocument.DonationMade.class, name = "donation-made"),
    @JsonSubTypes.Type(value = EffectDocument.TierChanged.class, name = "tier-changed"),
    @JsonSubTypes.Type(value = EffectDocument.MembershipChanged.class,
        name = "membership-changed"),
    @JsonSubTypes.Type(value = EffectDocument.PerkGranted.class, name = "perk-granted"),
    @JsonSubTypes.Type(value = EffectDocument.DiscountGranted.class, name = "discount-granted"),
    @JsonSubTypes.Type(value = EffectDocument.DividendAdjusted.class,
        name = "dividend-adjusted"),
    @JsonSubTypes.Type(value = EffectDocument.PointsTransferred.class,
        name = "points-transferred"),
    @JsonSubTypes.Type(value = EffectDocument.AccountClosed.class, name = "account-closed"),
    @JsonSubTypes.Type(value = EffectDocument.ChallengeProgressed.class,
        name = "challenge-progressed"),
    @JsonSubTypes.Type(value = EffectDocument.ChallengeCompleted.class,
        name = "challenge-completed"),
    @JsonSubTypes.Type(value = EffectDocument.ChallengeCompletionRevoked.class,
        name = "challenge-completion-revoked"),
    @JsonSubTypes.Type(value = EffectDocument.BadgeEarned.class, name = "badge-earned"),
    @JsonSubTypes.Type(value = EffectDocument.BadgeLost.class, name = "badge-lost"),
    @JsonSubTypes.Type(value = EffectDocument.ReferralQualified.class,
        name = "referral-qualified"),
    @JsonSubTypes.Type(value = EffectDocument.ReferralWithdrawn.class,
        name = "referral-withdrawn"),
    @JsonSubTypes.Type(value = EffectDocument.DrawEntriesEarned.class,
        name = "draw-entries-earned"),
    @JsonSubTypes.Type(value = EffectDocument.DrawEntriesWithdrawn.class,
        name = "draw-entries-withdrawn"),
    @JsonSubTypes.Type(value = EffectDocument.InstantWinPlayed.class,
        name = "instant-win-played")})
sealed interface EffectDocument {

  /** Points earned into a lot. */
  record PointsEarned(String unit, Long points, String rule, String lot, String pendingUntil)
      implements EffectDocument {}

  /** Points taken back. */
  record PointsReversed(String unit, Long points, String activity) implements EffectDocument {}

  /** Spent points given back. */
  record PointsRestored(String unit, Long points, String activity) implements EffectDocument {}

  /** Points a reversal could not take from the available balance. */
  record PointsShortfall(String unit, Long points, String policy) implements EffectDocument {}

  /** Points expired unused. */
  record PointsExpired(String unit, Long points, String at) implements EffectDocument {}

  /** A catalogue reward redeemed. */
  record RewardRedeemed(String reward, Integer quantity, String unit, Long points)
      implements EffectDocument {}

  /** Points paid toward an order. */
  record PaidWithPoints(String purchase, String unit, Long points, String value, String currency)
      implements EffectDocument {}

  /** A voucher issued. */
  record VoucherIssued(MemberDocument.Voucher voucher) implements EffectDocument {}

  /** A voucher taken back. */
  record VoucherRevoked(MemberDocument.Voucher voucher) implements EffectDocument {}

  /** A voucher expired unused. */
  record VoucherExpired(MemberDocument.Voucher voucher) implements EffectDocument {}

  /** Points donated to a cause. */
  record DonationMade(String cause, String unit, Long points, String value, String currency)
      implements EffectDocument {}

  /** The member's tier changed; {@code from} is absent if no tier was held. */
  record TierChanged(String from, String to) implements EffectDocument {}

  /** A paid membership changed. */
  record MembershipChanged(String plan, String status, String expiresAt)
      implements EffectDocument {}

  /** A benefit delivered with the activity. */
  record PerkGranted(String perk, String source) implements EffectDocument {}

  /** A paid plan's member price to charge on the purchase. */
  record DiscountGranted(String plan, String amount, String currency)
      implements EffectDocument {}

  /**
   * A return took back spend of a year whose dividend was issued; {@code policy} is the plan's
   * return policy, {@code KEEP} or {@code REDUCE_NEXT}.
   */
  record DividendAdjusted(String plan, Integer year, String amount, String currency,
      String policy) implements EffectDocument {}

  /** Points transferred to a partner's program, and what they give there. */
  record PointsTransferred(String partner, String unit, Long points, String partnerUnit,
      Long partnerUnits) implements EffectDocument {}

  /** The account was closed. */
  record AccountClosed(String reason) implements EffectDocument {}

  /** A challenge's progress in a window; progress and target are decimal text. */
  record ChallengeProgressed(String challenge, String window, String progress, String target,
      Long completions, Integer streak) implements EffectDocument {}

  /** A challenge completed in a window. */
  record ChallengeCompleted(String challenge, String window, Long completion)
      implements EffectDocument {}

  /** A return undid a challenge's completion. */
  record ChallengeCompletionRevoked(String challenge, String window) implements EffectDocument {}

  /** A badge earned, raised or renewed; {@code until} is absent for good. */
  record BadgeEarned(String badge, Integer level, String levelName, String until)
      implements EffectDocument {}

  /** A badge lowered or lost. */
  record BadgeLost(String badge, Integer from, Integer to, Boolean lapsed)
      implements EffectDocument {}

  /** A referred member's purchase qualified; the referrer is to be credited. */
  record ReferralQualified(String referrer, String purchase) implements EffectDocument {}

  /** A referral's purchase was returned; the referrer's reward is to be withdrawn. */
  record ReferralWithdrawn(String referrer, String purchase) implements EffectDocument {}

  /** Entries earned in a sweepstakes draw. */
  record DrawEntriesEarned(String draw, Long entries) implements EffectDocument {}

  /** Entries withdrawn from a sweepstakes draw. */
  record DrawEntriesWithdrawn(String draw, Long entries) implements EffectDocument {}

  /** A play of an instant-win game; {@code prize} is absent if it won nothing. */
  record InstantWinPlayed(String game, String prize) implements EffectDocument {}
}
