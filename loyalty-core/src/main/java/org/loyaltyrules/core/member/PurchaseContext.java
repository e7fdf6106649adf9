package org.loyaltyrules.core.member;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.internal.Checks;

/**
 * What the rules knew of the member when a purchase was decided: tier, segments, attributes,
 * active paid memberships and whether it was the member's birthday month. A return re-evaluates the remaining order against this, as of the
 * purchase, so a tier or segment that changed since does not change what the return takes back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tier the tier held, if any
 * @param segments the member's segments; sorted
 * @param attributes the member's attributes; sorted by name
 * @param activePlans the plans whose membership was active; sorted
 * @param exhausted the exclusive rules whose caps or budget had no room left, so they did not
 *     compete for their group; sorted
 * @param birthdayMonth whether the purchase fell in the member's birthday month, in the
 *     program's zone; false for a member who had shared no birthday
 */
public record PurchaseContext(Optional<TierId> tier, Set<String> segments,
    Map<String, String> attributes, Set<PlanId> activePlans, Set<RuleId> exhausted,
    boolean birthdayMonth) {
  private static final PurchaseContext NONE = new PurchaseContext(Optional.empty(), Set.of(),
      Map.of(), Set.of(), Set.of(), false);

  /**
   * Validates and copies the context.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds a null or
   *     blank entry
   */
  public PurchaseContext {
    Checks.present(tier, "purchase context tier");
    segments = Checks.names(segments, "purchase context segments");
    attributes = Checks.sortedMap(attributes, "purchase context attributes");
    activePlans = Checks.set(activePlans, "purchase context active plans");
    exhausted = Checks.set(exhausted, "purchase context exhausted rules");
  }

  /**
   * Returns a context outside the member's birthday month.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public PurchaseContext(Optional<TierId> tier, Set<String> segments,
      Map<String, String> attributes, Set<PlanId> activePlans, Set<RuleId> exhausted) {
    this(tier, segments, attributes, activePlans, exhausted, false);
  }

  /**
   * Returns a context in which no rule was exhausted, outside the member's birthday month.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public PurchaseContext(Optional<TierId> tier, Set<String> segments,
      Map<String, String> attributes, Set<PlanId> activePlans) {
    this(tier, segments, attributes, activePlans, Set.of());
  }

  /** Returns a copy naming the exclusive rules that had no room left. */
  public PurchaseContext withExhausted(Set<RuleId> exhausted) {
    return new PurchaseContext(tier, segments, attributes, activePlans, exhausted,
        birthdayMonth);
  }

  /** Returns a copy saying whether the purchase fell in the member's birthday month. */
  public PurchaseContext withBirthdayMonth(boolean birthdayMonth) {
    return new PurchaseContext(tier, segments, attributes, activePlans, exhausted,
        birthdayMonth);
  }

  /** Returns the context of a member with no tier, segments, attributes or memberships. */
  public static PurchaseContext none() {
    return NONE;
  }
}
