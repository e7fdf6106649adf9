package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;

/**
 * Something a member did that a program may react to: a purchase, a return, an engagement event,
 * a membership fee or trial, a burn action, a customer-service adjustment, the closing of the
 * account, or a referred friend's qualifying purchase credited to (or withdrawn from) the
 * referrer.
 *
 * <p>The interface is sealed, so a {@code switch} over an activity can be exhaustive. Every
 * implementation is an immutable, thread-safe value that validates itself when built.
 */
public sealed interface Activity permits Purchase, Return, MembershipFeePayment, MembershipTrial,
    MembershipFeeRefund, EngagementEvent, RedeemReward, PayWithPoints, Donation, PointsTransfer,
    Adjustment, AccountClosure, ReferralCredit, ReferralWithdrawal {

  /**
   * Returns the id the host assigned to the activity. The library applies an activity id at most
   * once, so a retried call earns nothing twice.
   */
  ActivityId id();

  /** Returns the instant the activity occurred. */
  Instant occurredAt();
}
