package org.loyaltyrules.core.rule;

import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.internal.Checks;

/**
 * Which purchase lines a rule applies to: lines of any of its categories, any of its skus, or
 * carrying any of its tags, and, if it names partners, bought from one of them. A line is bought
 * from the partner it names, or else from the partner of its order (the rule evaluator fills
 * that in before matching). An empty filter matches every line.
 *
 * <p>Immutable and thread-safe.
 *
 * @param categories the categories; empty for any
 * @param skus the skus; empty for any
 * @param tags the tags; empty for any
 * @param partners the coalition partners the line must be bought from; empty for any, including
 *     lines bought from no partner
 */
public record LineFilter(Set<String> categories, Set<String> skus, Set<String> tags,
    Set<PartnerId> partners) {
  private static final LineFilter ALL = new LineFilter(Set.of(), Set.of(), Set.of(), Set.of());

  /**
   * Validates and copies the filter.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds a blank
   */
  public LineFilter {
    categories = Checks.names(categories, "line filter categories");
    skus = Checks.names(skus, "line filter skus");
    tags = Checks.names(tags, "line filter tags");
    partners = Checks.set(partners, "line filter partners");
  }

  /**
   * Creates a filter that names no partners.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public LineFilter(Set<String> categories, Set<String> skus, Set<String> tags) {
    this(categories, skus, tags, Set.of());
  }

  /** Returns a filter matching every line bought from one of the given partners. */
  public static LineFilter partners(PartnerId... partners) {
    return new LineFilter(Set.of(), Set.of(), Set.of(), Set.of(partners));
  }

  /** Returns a copy that also requires lines to be bought from one of the given partners. */
  public LineFilter withPartners(Set<PartnerId> partners) {
    return new LineFilter(categories, skus, tags, partners);
  }

  /** Returns the filter that matches every line. */
  public static LineFilter all() {
    return ALL;
  }

  /** Returns a filter matching lines of the given categories. */
  public static LineFilter categories(String... categories) {
    return new LineFilter(Set.of(categories), Set.of(), Set.of());
  }

  /** Returns a filter matching lines of the given skus. */
  public static LineFilter skus(String... skus) {
    return new LineFilter(Set.of(), Set.of(skus), Set.of());
  }

  /** Returns true if the filter matches every line. */
  public boolean matchesAll() {
    return categories.isEmpty() && skus.isEmpty() && tags.isEmpty() && partners.isEmpty();
  }

  /**
   * Returns true if the line matches: every line if the filter is empty. A line that names no
   * partner matches no filter that names partners.
   */
  public boolean matches(PurchaseLine line) {
    // No streams or lambdas: this runs for every line under every rule of every decision.
    if (!partners.isEmpty()
        && (line.partner().isEmpty() || !partners.contains(line.partner().get()))) {
      return false;
    }
    if (categories.isEmpty() && skus.isEmpty() && tags.isEmpty()
        || categories.contains(line.category()) || skus.contains(line.sku())) {
      return true;
    }
    if (!tags.isEmpty()) {
      for (String tag : line.tags()) {
        if (tags.contains(tag)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns true if the filter matches what an order charges beyond its lines (shipping or tax,
   * where the program lets them earn), for an order placed with {@code partner}: only a filter
   * that names no categories, skus or tags does, and, if it names partners, only for one of
   * them.
   */
  public boolean matchesCharges(Optional<PartnerId> partner) {
    return categories.isEmpty() && skus.isEmpty() && tags.isEmpty()
        && (partners.isEmpty() || partner.filter(partners::contains).isPresent());
  }
}
