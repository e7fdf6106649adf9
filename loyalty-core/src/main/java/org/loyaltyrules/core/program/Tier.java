package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Optional;
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
 * @param perks benefits delivered as effects with every purchase while the tier is held, for
 *     example {@code free-shipping}; sorted
 * @param window the window this tier's threshold is counted over when it differs from the
 *     ladder's; only {@link QualificationWindow#lifetime()} may differ (World of Hyatt's Lifetime
 *     Globalist on lifetime nights); empty to use the ladder's
 * @param entryBonus what a member is given on reaching the tier from below, at most once per
 *     qualification period of the credit that reached it; a member who jumps past the tier gets
 *     only the bonus of the tier reached; a return never takes it back; empty for nothing
 */
public record Tier(TierId id, String name, BigDecimal threshold, BigDecimal earnMultiplier,
    Set<String> perks, Optional<QualificationWindow> window, Optional<Grant> entryBonus) {
  /**
   * Validates and copies the tier.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name or a perk
   *     is blank, the threshold is negative or the multiplier is below 1
   */
  public Tier {
    Checks.present(id, "tier id");
    Checks.text(name, "tier " + id + ": name");
    Checks.present(threshold, "tier " + id + ": threshold");
    checkArgument(threshold.signum() >= 0, "tier %s: threshold must not be negative, was %s", id,
        threshold.toPlainString());
    Checks.present(earnMultiplier, "tier " + id + ": earn multiplier");
    checkArgument(earnMultiplier.compareTo(BigDecimal.ONE) >= 0,
        "tier %s: earn multiplier must be at least 1, was %s", id,
        earnMultiplier.stripTrailingZeros().toPlainString());
    perks = Checks.names(perks, "tier " + id + ": perks");
    Checks.present(window, "tier " + id + ": window");
    Checks.present(entryBonus, "tier " + id + ": entry bonus");
  }

  /**
   * Creates a tier counted over the ladder's window, with no entry bonus.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Tier(TierId id, String name, BigDecimal threshold, BigDecimal earnMultiplier,
      Set<String> perks) {
    this(id, name, threshold, earnMultiplier, perks, Optional.empty(), Optional.empty());
  }

  /** Returns a tier with no multiplier and no perks. */
  public static Tier of(String id, String name, long threshold) {
    return new Tier(TierId.of(id), name, BigDecimal.valueOf(threshold), BigDecimal.ONE, Set.of());
  }

  /** Returns a copy with the given earn multiplier. */
  public Tier withEarnMultiplier(BigDecimal multiplier) {
    return new Tier(id, name, threshold, multiplier, perks, window, entryBonus);
  }

  /** Returns a copy with the given perks. */
  public Tier withPerks(Set<String> perks) {
    return new Tier(id, name, threshold, earnMultiplier, perks, window, entryBonus);
  }

  /** Returns a copy counted over its own window; the ladder accepts only the lifetime window. */
  public Tier withWindow(QualificationWindow window) {
    return new Tier(id, name, threshold, earnMultiplier, perks,
        Optional.of(Checks.present(window, "tier " + id + ": window")), entryBonus);
  }

  /** Returns a copy that gives {@code bonus} to a member reaching it from below. */
  public Tier withEntryBonus(Grant bonus) {
    return new Tier(id, name, threshold, earnMultiplier, perks, window,
        Optional.of(Checks.present(bonus, "tier " + id + ": entry bonus")));
  }
}
