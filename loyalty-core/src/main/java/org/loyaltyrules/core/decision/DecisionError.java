package org.loyaltyrules.core.decision;

import java.util.Optional;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A problem met while deciding, such as an expression that divided by zero. Nothing fails
 * silently: each problem is reported with what the program declared to do about it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule that met it, if it was a rule
 * @param message what went wrong, naming the bad value
 * @param consequence what was done about it
 */
public record DecisionError(Optional<RuleId> rule, String message, Consequence consequence) {
  /** What a decision did about an error. */
  public enum Consequence {
    /** The rule was skipped; the rest of the decision stands. */
    RULE_SKIPPED,
    /** The whole decision was refused: nothing changes. */
    DECISION_REFUSED
  }

  /** Validates the error; throws {@link IllegalArgumentException} naming a bad value. */
  public DecisionError {
    Checks.present(rule, "error rule");
    Checks.text(message, "error message");
    Checks.present(consequence, "error consequence");
  }

  /** Returns true if the error refused the whole decision. */
  public boolean refusesDecision() {
    return consequence == Consequence.DECISION_REFUSED;
  }
}
