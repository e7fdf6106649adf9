package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Set;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.internal.Checks;

/**
 * One step of a program's tier ladder: the threshold of the ladder's metric a member must reach
 * to hold it, and its benefits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the tier's id, unique within the program
 * @param name its display name, for example {@code "VIB"}
 * @param threshold the amount of the ladder's metric needed: money in the program's currency for
 *     {@link TierMetric#SPEND}, a count otherwise; zero or more
 * @param earnMultiplier what points earned on purchases are multiplied by while the member holds
 *     the tier; 1 for none
 * @param perks benefits delivered as effects while the tier is held, for example
 *     {@code free-shipping}; sorted
 */
public record Tier(TierId id, String name, BigDecimal threshold, BigDecimal earnMultiplier,
    Set<String> perks) {
  /**
   * Validates and copies the tier.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name or a perk
   *     is blank, the threshold is negative or the multiplier is not positive
   */
  public Tier {
    Checks.present(id, "tier id");
    Checks.text(name, "tier " + id + ": name");
    Checks.present(threshold, "tier " + id + ": threshold");
    checkArgument(threshold.signum() >= 0, "tier %s: threshold must not be negative, was %s", id,
        threshold.toPlainString());
    Checks.present(earnMultiplier, "tier " + id + ": earn multiplier");
    checkArgument(earnMultiplier.compareTo(java.math.BigDecimal.ONE) >= 0,
        "tier %s: earn multiplier must be at least 1, was %s", id,
        earnMultiplier.stripTrailingZeros().toPlainString());
    perks = Checks.names(perks, "tier " + id + ": perks");
  }

  /** Returns a tier with no multiplier and no perks. */
  public static Tier of(String id, String name, long threshold) {
    return new Tier(TierId.of(id), name, BigDecimal.valueOf(threshold), BigDecimal.ONE, Set.of());
  }

  /** Returns a copy with the given earn multiplier. */
  public Tier withEarnMultiplier(BigDecimal multiplier) {
    return new Tier(id, name, threshold, multiplier, perks);
  }

  /** Returns a copy with the given perks. */
  public Tier withPerks(Set<String> perks) {
    return new Tier(id, name, threshold, earnMultiplier, perks);
  }
}
