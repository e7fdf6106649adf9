package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.internal.Checks;

/**
 * A badge members earn by completing a challenge or by reaching a threshold: purchases made,
 * money spent, events of a type. It has one or more levels ("Regular" at 5 check-ins, "Local" at
 * 25, "Legend" at 100); the member holds the highest level reached. A return that takes the count
 * below a level's threshold takes the level back.
 *
 * <p>A badge with a {@link #validity()} is temporary: it lapses that long after it was last
 * earned, and earning it again (its count rising while a level is reached, such as completing
 * its weekly challenge again) renews it. A lapsed badge is earned anew by the next rise.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the badge's id, unique within the program
 * @param name its display name
 * @param metric what its levels count
 * @param challenge the challenge whose completions count; present exactly for
 *     {@link BadgeMetric#CHALLENGES} (checked against the program when it is built)
 * @param event the event type counted; present exactly for {@link BadgeMetric#EVENTS}
 * @param levels its levels, lowest first, with rising thresholds; whole numbers except for
 *     {@link BadgeMetric#SPEND}
 * @param validity how long the badge lasts after it was last earned; empty for good
 */
public record Badge(BadgeId id, String name, BadgeMetric metric, Optional<ChallengeId> challenge,
    Optional<EngagementType> event, List<BadgeLevel> levels, Optional<Period> validity) {
  /**
   * Validates and copies the badge.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name is blank,
   *     the challenge or event is missing or unexpected for the metric, there is no level, level
   *     names repeat, thresholds do not rise or are not whole for a count, or the validity is
   *     not positive
   */
  public Badge {
    Checks.present(id, "badge id");
    Checks.text(name, "badge " + id + ": name");
    Checks.present(metric, "badge " + id + ": metric");
    Checks.present(challenge, "badge " + id + ": challenge");
    Checks.present(event, "badge " + id + ": event");
    checkArgument(challenge.isPresent() == (metric == BadgeMetric.CHALLENGES),
        "badge %s: a challenge is %s for metric %s", id,
        challenge.isPresent() ? "not expected" : "required", metric);
    checkArgument(event.isPresent() == (metric == BadgeMetric.EVENTS),
        "badge %s: an event type is %s for metric %s", id,
        event.isPresent() ? "not expected" : "required", metric);
    levels = Checks.list(levels, "badge " + id + ": levels");
    checkArgument(!levels.isEmpty(), "badge %s: needs at least one level", id);
    Set<String> names = new HashSet<>();
    BigDecimal previous = BigDecimal.ZERO;
    for (BadgeLevel level : levels) {
      checkArgument(names.add(level.name()), "badge %s: level name '%s' is used twice", id,
          level.name());
      checkArgument(level.threshold().compareTo(previous) > 0,
          "badge %s: level %s's threshold %s must be above the level before it (%s)", id,
          level.name(), level.threshold().toPlainString(), previous.toPlainString());
      checkArgument(metric == BadgeMetric.SPEND || level.threshold().scale() <= 0,
          "badge %s: level %s's threshold must be a whole number for metric %s, was %s", id,
          level.name(), metric, level.threshold().toPlainString());
      previous = level.threshold();
    }
    Checks.present(validity, "badge " + id + ": validity");
    validity.ifPresent(v -> checkArgument(!v.isNegative() && !v.isZero(),
        "badge %s: validity must be positive, was %s", id, v));
  }

  /**
   * Returns a badge counting completions of a challenge.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static Badge forChallenge(String id, String name, ChallengeId challenge,
      List<BadgeLevel> levels) {
    return new Badge(BadgeId.of(id), name, BadgeMetric.CHALLENGES,
        Optional.of(Checks.present(challenge, "badge " + id + ": challenge")), Optional.empty(),
        levels, Optional.empty());
  }

  /**
   * Returns a badge counting purchases or spend ({@code metric} {@code PURCHASES} or
   * {@code SPEND}).
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static Badge forThreshold(String id, String name, BadgeMetric metric,
      List<BadgeLevel> levels) {
    return new Badge(BadgeId.of(id), name, metric, Optional.empty(), Optional.empty(), levels,
        Optional.empty());
  }

  /**
   * Returns a badge counting engagement events of a type.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static Badge forEvents(String id, String name, EngagementType event,
      List<BadgeLevel> levels) {
    return new Badge(BadgeId.of(id), name, BadgeMetric.EVENTS, Optional.empty(),
        Optional.of(Checks.present(event, "badge " + id + ": event")), levels, Optional.empty());
  }

  /** Returns a copy that lapses {@code validity} after it was last earned. */
  public Badge lasting(Period validity) {
    return new Badge(id, name, metric, challenge, event, levels,
        Optional.of(Checks.present(validity, "badge " + id + ": validity")));
  }

  /**
   * Returns the level (1 for the first) a count reaches; 0 if it reaches none.
   *
   * @throws IllegalArgumentException if the count is null
   */
  public int levelFor(BigDecimal count) {
    Checks.present(count, "badge " + id + ": count");
    int level = 0;
    for (BadgeLevel l : levels) {
      if (count.compareTo(l.threshold()) >= 0) {
        level++;
      }
    }
    return level;
  }
}
