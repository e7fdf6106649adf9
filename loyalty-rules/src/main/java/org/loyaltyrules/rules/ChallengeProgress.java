package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.ChallengeId;

/**
 * Where a member stands on a challenge at an instant, for "2 of 3 check-ins this week" or "7 of
 * 10 stamps". Amounts are money in the program's currency for an amount goal, counts otherwise.
 *
 * <p>Immutable and thread-safe.
 *
 * @param challenge the challenge
 * @param window the window running at the instant: {@code all} with no window, {@code campaign},
 *     or the ISO date, week ({@code 2026-W10}) or month of a calendar window
 * @param windowEnds when that window ends (for a campaign or a challenge with no window, when it
 *     stops running); empty if it never does
 * @param progress the progress toward the next completion in the window — for a stamp card the
 *     stamps on the current card, for a streak the progress of this window; never above the
 *     target
 * @param target the target
 * @param completions how often it completed in the window
 * @param completionsEver how often it completed in the member's whole membership
 * @param streak for a streak, the consecutive windows that met the target so far, up to and
 *     including this one if it did; 0 otherwise
 * @param streakTarget how many consecutive windows complete it; 1 for no streak
 * @param open whether it runs at the instant and can still complete in the window
 */
public record ChallengeProgress(ChallengeId challenge, String window, Optional<Instant> windowEnds,
    BigDecimal progress, BigDecimal target, long completions, long completionsEver, int streak,
    int streakTarget, boolean open) {
  /** Validates the report; throws {@link IllegalArgumentException} naming a bad value. */
  public ChallengeProgress {
    org.loyaltyrules.core.internal.Checks.present(challenge, "challenge");
    org.loyaltyrules.core.internal.Checks.text(window, "challenge " + challenge + ": window");
    org.loyaltyrules.core.internal.Checks.present(windowEnds,
        "challenge " + challenge + ": window ends");
    org.loyaltyrules.core.internal.Checks.present(progress, "challenge " + challenge
        + ": progress");
    org.loyaltyrules.core.internal.Checks.positive(target, "challenge " + challenge
        + ": target");
    com.google.common.base.Preconditions.checkArgument(progress.signum() >= 0
            && progress.compareTo(target) <= 0 && completions >= 0
            && completionsEver >= completions && streak >= 0 && streakTarget >= 1
            && streak <= streakTarget,
        "challenge %s: progress %s of %s, %s completions (%s ever), streak %s of %s do not fit",
        challenge, progress, target, completions, completionsEver, streak, streakTarget);
  }
}
