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
public record BadgeStatus(BadgeId badge, int level, String levelName, Optional<Instant> until) {}
