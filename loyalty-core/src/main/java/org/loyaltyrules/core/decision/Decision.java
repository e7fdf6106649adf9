package org.loyaltyrules.core.decision;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;

/**
 * The outcome of deciding an activity, or of advancing a member to an instant: what to announce
 * ({@link #effects()}), what points moved ({@link #postings()}), the member's new state, the
 * changes to the program-level state, a trace of every rule, and every error met.
 *
 * <p>The host stores {@link #member()} and the postings, applies
 * {@link #programStateChanges()} to its {@link ProgramState}, all in one transaction, and then
 * announces the effects. A decision made on the same inputs is equal, part for part.
 *
 * <p>A {@linkplain #isRefused() refused} decision changes nothing: it carries no postings,
 * effects or program-state changes, and its member is the one it was given. A
 * {@linkplain #replay() replay} — an activity already applied — applies nothing but the passage
 * of time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param activity the activity decided; empty for an advance
 * @param at the instant the decision was made at
 * @param replay true if the activity had already been applied
 * @param member the member's state after the decision
 * @param effects what the host should announce or carry out, in order
 * @param postings the ledger postings added, in sequence order
 * @param programStateChanges the changes to the program-level state, in order
 * @param trace what each rule did, in evaluation order
 * @param errors every problem met, with what was done about it
 */
public record Decision(Optional<ActivityId> activity, Instant at, boolean replay, Member member,
    List<Effect> effects, List<Posting> postings, List<ProgramStateChange> programStateChanges,
    List<TraceEntry> trace, List<DecisionError> errors) {
  /**
   * Validates and copies the decision.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds null, the
   *     member's state is not as of {@code at}, a refused decision changes something, or an
   *     advance is marked a replay
   */
  public Decision {
    Checks.present(activity, "decision activity");
    Checks.present(at, "decision instant");
    Checks.present(member, "decision member");
    effects = Checks.list(effects, "decision effects");
    postings = Checks.list(postings, "decision postings");
    programStateChanges = Checks.list(programStateChanges, "decision program state changes");
    trace = Checks.list(trace, "decision trace");
    errors = Checks.list(errors, "decision errors");
    checkArgument(activity.isPresent() || !replay, "an advance cannot be a replay");
    boolean refused = errors.stream().anyMatch(DecisionError::refusesDecision);
    checkArgument(!refused || effects.isEmpty() && postings.isEmpty()
            && programStateChanges.isEmpty(),
        "a refused decision must not change anything (activity %s)", activity.orElse(null));
    checkArgument(refused || member.asOf().equals(at),
        "decision at %s: the member's state is as of %s", at, member.asOf());
  }

  /** Returns true if an error refused the whole decision, so nothing changed. */
  public boolean isRefused() {
    return errors.stream().anyMatch(DecisionError::refusesDecision);
  }

  /** Returns the effects of one type, in order. */
  public <E extends Effect> List<E> effects(Class<E> type) {
    Checks.present(type, "effect type");
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
