package org.loyaltyrules.core.rule;

import java.util.Set;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.internal.Checks;

/**
 * Which purchase lines a rule applies to: lines of any of its categories, any of its skus, or
 * carrying any of its tags. An empty filter matches every line.
 *
 * <p>Immutable and thread-safe.
 *
 * @param categories the categories; empty for any
 * @param skus the skus; empty for any
 * @param tags the tags; empty for any
 */
public record LineFilter(Set<String> categories, Set<String> skus, Set<String> tags) {
  private static final LineFilter ALL = new LineFilter(Set.of(), Set.of(), Set.of());

  /**
   * Validates and copies the filter.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds a blank
   */
  public LineFilter {
    categories = Checks.names(categories, "line filter categories");
    skus = Checks.names(skus, "line filter skus");
    tags = Checks.names(tags, "line filter tags");
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
    return categories.isEmpty() && skus.isEmpty() && tags.isEmpty();
  }

  /** Returns true if the line matches: every line if the filter is empty. */
  public boolean matches(PurchaseLine line) {
    return matchesAll() || categories.contains(line.category()) || skus.contains(line.sku())
        || line.tags().stream().anyMatch(tags::contains);
  }
}
