package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.TimeWindow;

/**
 * A gamified goal: count qualifying purchases, items, money, distinct items or engagement events
 * toward a target inside a window, and grant something when it is reached.
 *
 * <ul>
 *   <li>A stamp card ("every 10th coffee free") counts {@link ChallengeGoal#PURCHASES} with no
 *       window and {@link #restarts() restarts}: each completion empties the card.
 *   <li>A bundle ("buy three modules, the fourth is free") counts {@link ChallengeGoal#ITEMS} of
 *       a category and restarts.
 *   <li>A weekly challenge ("check in 3 times this week") counts {@link ChallengeGoal#EVENTS} in
 *       a {@link ChallengeWindow#WEEK}; it completes at most once a week and begins again with
 *       every week.
 *   <li>A streak ("a purchase 3 days in a row") sets {@link #streak()} to 3 and the window to a
 *       {@link ChallengeWindow#DAY}: a day counts when its target is met, and the challenge
 *       completes when that many consecutive days count.
 *   <li>A campaign challenge counts in {@link ChallengeWindow#CAMPAIGN}, the time it
 *       {@link #runs()}.
 * </ul>
 *
 * <p>How often it completes: without a streak, once per window (once ever with no window)
 * unless it restarts, when progress beyond the target counts toward the next completion in the
 * same window. With a streak, once unless it restarts, when every completed streak begins a new
 * one. A return takes back the progress its purchase gave; a completion the return undoes is
 * taken back with its grant where the grant can be taken back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the challenge's id, unique within the program
 * @param name its display name
 * @param goal what is counted
 * @param target how much completes it, or completes one window of a streak; positive (money for
 *     {@link ChallengeGoal#AMOUNT}, a count otherwise, then a whole number)
 * @param categories the purchase line categories that count; empty for all (purchase goals only)
 * @param event the engagement event counted; present exactly for {@link ChallengeGoal#EVENTS}
 * @param attributes the attributes an event must have to count, such as
 *     {@code participating: yes}; empty for any (event goals only)
 * @param window the window progress is counted in
 * @param runs when the challenge runs, in the program's zone; activities outside it do not
 *     count; empty for always (required for {@link ChallengeWindow#CAMPAIGN})
 * @param streak how many consecutive windows must each meet the target; 1 for no streak, more
 *     only with a calendar window
 * @param grant what completing it gives; empty when only a badge counts its completions
 * @param restarts whether it may complete again: a stamp card's next card, a windowed
 *     challenge's next completion in the same window, a streak's next streak
 */
public record Challenge(ChallengeId id, String name, ChallengeGoal goal, BigDecimal target,
    Set<String> categories, Optional<EngagementType> event, Map<String, String> attributes,
    ChallengeWindow window, Optional<TimeWindow> runs, int streak, Optional<Grant> grant,
    boolean restarts) {
  /** The longest streak a challenge may ask for. */
  public static final int MAX_STREAK = 366;

  /**
   * Validates and copies the challenge.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name, a
   *     category or an attribute is blank, the target is not positive or not whole for a count,
   *     the event is missing or unexpected for the goal, categories are given for an event goal
   *     or attributes for a purchase goal, a campaign window has no {@code runs}, or the streak
   *     is not between 1 and {@value #MAX_STREAK} or is longer than 1 without a calendar window
   */
  public Challenge {
    Checks.present(id, "challenge id");
    Checks.text(name, "challenge " + id + ": name");
    Checks.present(goal, "challenge " + id + ": goal");
    Checks.positive(target, "challenge " + id + ": target");
    checkArgument(goal == ChallengeGoal.AMOUNT || target.stripTrailingZeros().scale() <= 0,
        "challenge %s: target must be a whole number for goal %s, was %s", id, goal,
        target.toPlainString());
    target = Checks.stripped(target);
    categories = Checks.names(categories, "challenge " + id + ": categories");
    Checks.present(event, "challenge " + id + ": event");
    checkArgument(event.isPresent() == (goal == ChallengeGoal.EVENTS),
        "challenge %s: an event type is %s for goal %s", id,
        event.isPresent() ? "not expected" : "required", goal);
    checkArgument(goal != ChallengeGoal.EVENTS || categories.isEmpty(),
        "challenge %s: categories do not apply to goal %s", id, goal);
    attributes = Checks.sortedMap(attributes, "challenge " + id + ": attributes");
    attributes.forEach((k, v) -> {
      Checks.text(k, "challenge " + id + ": attribute name");
      Checks.text(v, "challenge " + id + ": attribute " + k);
    });
    checkArgument(goal == ChallengeGoal.EVENTS || attributes.isEmpty(),
        "challenge %s: attributes apply to event goals only, not to goal %s", id, goal);
    Checks.present(window, "challenge " + id + ": window");
    Checks.present(runs, "challenge " + id + ": runs");
    checkArgument(window != ChallengeWindow.CAMPAIGN || runs.isPresent(),
        "challenge %s: a CAMPAIGN window needs the dates the challenge runs", id);
    checkArgument(streak >= 1 && streak <= MAX_STREAK,
        "challenge %s: streak must be between 1 and %s windows, was %s", id, MAX_STREAK, streak);
    checkArgument(streak == 1 || window.isCalendar(),
        "challenge %s: a streak of %s needs a DAY, WEEK or MONTH window, was %s", id, streak,
        window);
    Checks.present(grant, "challenge " + id + ": grant");
  }

  /**
   * A challenge of the earlier shape: no event attributes, always running, no streak, and a
   * grant.
   *
   * @throws IllegalArgumentException as the canonical constructor, or if the grant is null
   */
  public Challenge(ChallengeId id, String name, ChallengeGoal goal, BigDecimal target,
      Set<String> categories, Optional<EngagementType> event, ChallengeWindow window, Grant grant,
      boolean restarts) {
    this(id, name, goal, target, categories, event, Map.of(), window, Optional.empty(), 1,
        Optional.of(Checks.present(grant, "challenge " + id + ": grant")), restarts);
  }

  /** Returns a stamp card: every {@code stamps} qualifying purchases grant {@code grant}. */
  public static Challenge stampCard(String id, String name, long stamps, Grant grant) {
    return new Challenge(ChallengeId.of(id), name, ChallengeGoal.PURCHASES,
        BigDecimal.valueOf(stamps), Set.of(), Optional.empty(), ChallengeWindow.NONE, grant, true);
  }

  /**
   * Returns a challenge that counts engagement events of a type, with no window yet.
   *
   * @throws IllegalArgumentException if an argument is null, blank or not positive
   */
  public static Challenge events(String id, String name, EngagementType event, long target,
      Grant grant) {
    return new Challenge(ChallengeId.of(id), name, ChallengeGoal.EVENTS,
        BigDecimal.valueOf(target), Set.of(), Optional.of(Checks.present(event,
            "challenge " + id + ": event")), ChallengeWindow.NONE, grant, false);
  }

  /** Returns a copy counting only lines of the given categories (purchase goals). */
  public Challenge withCategories(Set<String> categories) {
    return new Challenge(id, name, goal, target, categories, event, attributes, window, runs,
        streak, grant, restarts);
  }

  /** Returns a copy counting only events with all the given attributes (event goals). */
  public Challenge withAttributes(Map<String, String> attributes) {
    return new Challenge(id, name, goal, target, categories, event, attributes, window, runs,
        streak, grant, restarts);
  }

  /** Returns a copy counted in the given window. */
  public Challenge inWindow(ChallengeWindow window) {
    return new Challenge(id, name, goal, target, categories, event, attributes, window, runs,
        streak, grant, restarts);
  }

  /** Returns a copy that runs only inside the given local-time window. */
  public Challenge running(TimeWindow runs) {
    return new Challenge(id, name, goal, target, categories, event, attributes, window,
        Optional.of(Checks.present(runs, "challenge " + id + ": runs")), streak, grant,
        restarts);
  }

  /** Returns a copy that completes when {@code windows} consecutive windows meet the target. */
  public Challenge withStreak(int windows) {
    return new Challenge(id, name, goal, target, categories, event, attributes, window, runs,
        windows, grant, restarts);
  }

  /** Returns a copy that may complete again ({@code true}) or not. */
  public Challenge withRestarts(boolean restarts) {
    return new Challenge(id, name, goal, target, categories, event, attributes, window, runs,
        streak, grant, restarts);
  }

  /** Returns a copy that grants nothing itself, for a challenge only a badge counts. */
  public Challenge withoutGrant() {
    return new Challenge(id, name, goal, target, categories, event, attributes, window, runs,
        streak, Optional.empty(), restarts);
  }

  /** Returns true if the goal counts purchases, items, money or distinct items. */
  public boolean countsPurchases() {
    return goal != ChallengeGoal.EVENTS;
  }
}
