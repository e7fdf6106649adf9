package org.loyaltyrules.core.rule;

/**
 * What a decision does when a rule cannot be evaluated, for example because a formula divided by
 * zero. Either way the error is reported in the decision; nothing fails silently.
 *
 * <p>Immutable and thread-safe.
 */
public enum OnError {
  /** Skip the rule; the rest of the decision stands. */
  SKIP_RULE,
  /** Refuse the whole decision: nothing changes. */
  REFUSE_DECISION
}
