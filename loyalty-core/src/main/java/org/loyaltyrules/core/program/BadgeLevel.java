package org.loyaltyrules.core.program;

import java.math.BigDecimal;
import org.loyaltyrules.core.internal.Checks;

/**
 * One level of a badge: its name and the count (or money, for {@link BadgeMetric#SPEND}) that
 * reaches it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the level's display name, such as {@code Bronze}
 * @param threshold what the badge's metric must reach; positive
 */
public record BadgeLevel(String name, BigDecimal threshold) {
  /** Validates the level; throws {@link IllegalArgumentException} naming a bad value. */
  public BadgeLevel {
    Checks.text(name, "badge level name");
    threshold = Checks.stripped(Checks.positive(threshold, "badge level " + name + ": threshold"));
  }

  /** Returns a level reached at a whole-number count. */
  public static BadgeLevel of(String name, long threshold) {
    return new BadgeLevel(name, BigDecimal.valueOf(threshold));
  }
}
