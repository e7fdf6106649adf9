package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;

/**
 * The qualifying purchase of a member this member referred was returned within the program's
 * return window: decided on the referrer, it takes back exactly what the
 * {@link ReferralCredit} for that friend gave (points reversed, a voucher revoked if it is still
 * unused) and frees its place under the referrer's limit. The host reports it when the friend's
 * decision announces {@link org.loyaltyrules.core.decision.Effect.ReferralWithdrawn}. A
 * withdrawal that arrives before its credit makes the later credit give nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned; derive it from the friend's return so that a
 *     retried message is recognised as a replay
 * @param occurredAt when the friend's purchase was returned
 * @param referred the friend whose referral is withdrawn
 * @param purchase the id of the friend's returned purchase, in the friend's state
 */
public record ReferralWithdrawal(ActivityId id, Instant occurredAt, MemberId referred,
    ActivityId purchase) implements Activity {
  private static final String KIND = "referral withdrawal";

  /**
   * Validates the withdrawal.
   *
   * @throws IllegalArgumentException naming the withdrawal and the bad value if any argument is
   *     null or the purchase is this activity's own id
   */
  public ReferralWithdrawal {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(referred, KIND, id, "referred");
    Checks.other(purchase, id, KIND, "purchase");
  }
}
