package org.loyaltyrules.rules;

import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.BadgeId;

/**
 * A badge a member holds at an instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param badge the badge
 * @param level the level held; 1 for the first
 * @param levelName that level's name
 * @param until when a temporary badge lapses; empty for good
 */
public record BadgeStatus(BadgeId badge, int level, String levelName, Optional<Instant> until) {
  /** Validates the status; throws {@link IllegalArgumentException} naming a bad value. */
  public BadgeStatus {
    org.loyaltyrules.core.internal.Checks.present(badge, "badge");
    com.google.common.base.Preconditions.checkArgument(level > 0,
        "badge %s: level must be positive, was %s", badge, level);
    org.loyaltyrules.core.internal.Checks.text(levelName, "badge " + badge + ": level name");
    org.loyaltyrules.core.internal.Checks.present(until, "badge " + badge + ": until");
  }
}
