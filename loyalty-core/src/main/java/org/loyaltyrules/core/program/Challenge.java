package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.internal.Checks;

/**
 * A gamified goal: count qualifying purchases, items, money or events toward a target inside a
 * window, and grant something when it is reached. A stamp card ("every 10th coffee free") is a
 * challenge on {@link ChallengeGoal#PURCHASES} with no window that restarts; a course bundle
 * ("buy three modules, the fourth is free") counts {@link ChallengeGoal#ITEMS} of a category; a
 * weekly check-in challenge counts {@link ChallengeGoal#EVENTS} in a {@link ChallengeWindow#WEEK}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the challenge's id, unique within the program
 * @param name its display name
 * @param goal what is counted
 * @param target how much completes it; positive (money for {@link ChallengeGoal#AMOUNT}, a count
 *     otherwise, then a whole number)
 * @param categories the purchase line categories that count; empty for all (purchase goals only)
 * @param event the engagement event counted; present exactly for {@link ChallengeGoal#EVENTS}
 * @param window the window progress is counted in
 * @param grant what completing it gives
 * @param restarts whether progress starts again after completion (a stamp card) or the challenge
 *     completes once per window
 */
public record Challenge(ChallengeId id, String name, ChallengeGoal goal, BigDecimal target,
    Set<String> categories, Optional<EngagementType> event, ChallengeWindow window, Grant grant,
    boolean restarts) {
  /**
   * Validates and copies the challenge.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name or a
   *     category is blank, the target is not positive or not whole for a count, the event is
   *     missing or unexpected for the goal, or categories are given for an event goal
   */
  public Challenge {
    Checks.present(id, "challenge id");
    Checks.text(name, "challenge " + id + ": name");
    Checks.present(goal, "challenge " + id + ": goal");
    Checks.positive(target, "challenge " + id + ": target");
    checkArgument(goal == ChallengeGoal.AMOUNT || target.stripTrailingZeros().scale() <= 0,
        "challenge %s: target must be a whole number for goal %s, was %s", id, goal,
        target.toPlainString());
    categories = Checks.names(categories, "challenge " + id + ": categories");
    Checks.present(event, "challenge " + id + ": event");
    checkArgument(event.isPresent() == (goal == ChallengeGoal.EVENTS),
        "challenge %s: an event type is %s for goal %s", id,
        event.isPresent() ? "not expected" : "required", goal);
    checkArgument(goal != ChallengeGoal.EVENTS || categories.isEmpty(),
        "challenge %s: categories do not apply to goal %s", id, goal);
    Checks.present(window, "challenge " + id + ": window");
    Checks.present(grant, "challenge " + id + ": grant");
  }

  /** Returns a stamp card: every {@code stamps} qualifying purchases grant {@code grant}. */
  public static Challenge stampCard(String id, String name, long stamps, Grant grant) {
    return new Challenge(ChallengeId.of(id), name, ChallengeGoal.PURCHASES,
        BigDecimal.valueOf(stamps), Set.of(), Optional.empty(), ChallengeWindow.NONE, grant, true);
  }
}
