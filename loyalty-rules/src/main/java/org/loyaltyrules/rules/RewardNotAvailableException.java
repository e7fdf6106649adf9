package org.loyaltyrules.rules;

import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;

/**
 * Thrown when a member asks for a reward their tier may not redeem. Nothing is spent.
 *
 * <p>Immutable and thread-safe.
 */
public final class RewardNotAvailableException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final RewardId reward;
  private final Optional<TierId> tier;

  /**
   * Creates the exception.
   *
   * @param reward the reward asked for
   * @param tiers the tiers that may redeem it
   * @param tier the member's tier, if any
   */
  public RewardNotAvailableException(RewardId reward, Set<TierId> tiers, Optional<TierId> tier) {
    super("reward " + reward + " is only for tiers " + tiers + "; the member holds "
        + tier.map(t -> "tier " + t).orElse("no tier"));
    this.reward = reward;
    this.tier = tier;
  }

  /** Returns the reward asked for. */
  public RewardId reward() {
    return reward;
  }

  /** Returns the member's tier, if any. */
  public Optional<TierId> tier() {
    return tier;
  }
}
