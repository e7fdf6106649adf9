package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.RewardId;

/**
 * The member redeems a reward from the program's catalog, spending its price in points.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the member redeemed
 * @param reward the reward redeemed
 * @param quantity how many of it; at least one
 */
public record RedeemReward(ActivityId id, Instant occurredAt, RewardId reward, int quantity)
    implements Activity {
  private static final String KIND = "redeem reward";

  /**
   * Validates the redemption.
   *
   * @throws IllegalArgumentException naming the redemption and the bad value if any argument is
   *     null or the quantity is less than one
   */
  public RedeemReward {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(reward, KIND, id, "reward");
    Checks.positive(quantity, KIND, id, "quantity");
  }

  /**
   * Returns a redemption of one unit of the reward.
   *
   * @throws IllegalArgumentException if any argument is null
   */
  public static RedeemReward of(ActivityId id, Instant at, RewardId reward) {
    return new RedeemReward(id, at, reward, 1);
  }
}
