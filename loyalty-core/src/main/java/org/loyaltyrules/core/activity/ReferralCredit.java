package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;

/**
 * A member this member referred made a first qualifying purchase: decided on the referrer, it
 * gives the program's referrer grant unless the referrer's limit of rewarded referrals is
 * reached. The host reports it when the friend's decision announces
 * {@link org.loyaltyrules.core.decision.Effect.ReferralQualified}. Each friend is rewarded at most
 * once; a member cannot be credited for referring themselves.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned; derive it from the friend's purchase so that a
 *     retried message is recognised as a replay
 * @param occurredAt when the friend's purchase qualified; a calendar limit counts it then
 * @param referred the friend who made the purchase
 * @param purchase the id of the friend's qualifying purchase, in the friend's state
 */
public record ReferralCredit(ActivityId id, Instant occurredAt, MemberId referred,
    ActivityId purchase) implements Activity {
  private static final String KIND = "referral credit";

  /**
   * Validates the credit.
   *
   * @throws IllegalArgumentException naming the credit and the bad value if any argument is null
   *     or the purchase is this activity's own id
   */
  public ReferralCredit {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(referred, KIND, id, "referred");
    Checks.other(purchase, id, KIND, "purchase");
  }
}
