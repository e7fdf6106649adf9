/**
 * The domain model of a loyalty program: programs and their parts, members, activities, money
 * and point units, the double-entry points ledger, and the decision types. Depends on Guava
 * only, and on none of it in its API.
 *
 * <p>Every package is API except {@code org.loyaltyrules.core.internal}, argument checks and
 * helpers shared with {@code org.loyaltyrules.rules} and exported to that module alone (which
 * is not on the path when the core is compiled, hence the suppressed "module not found").
 */
@SuppressWarnings("module")
module org.loyaltyrules.core {
  requires com.google.common;

  exports org.loyaltyrules.core;
  exports org.loyaltyrules.core.activity;
  exports org.loyaltyrules.core.analytics;
  exports org.loyaltyrules.core.decision;
  exports org.loyaltyrules.core.ledger;
  exports org.loyaltyrules.core.member;
  exports org.loyaltyrules.core.program;
  exports org.loyaltyrules.core.rule;
  exports org.loyaltyrules.core.settlement;

  exports org.loyaltyrules.core.internal to org.loyaltyrules.rules;
}
