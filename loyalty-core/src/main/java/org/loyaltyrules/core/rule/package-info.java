/**
 * Earning rules as plain data: what a program's built-in rule kinds say, not how they run. The
 * rules module validates and compiles them into plain Java when a program is compiled.
 *
 * <p>Every rule has an id, {@link org.loyaltyrules.core.rule.RuleSettings settings} (its group,
 * priority and stacking, its audience, its caps and what happens when it fails) and the fields of
 * its kind. All types here are immutable and thread-safe.
 */
package org.loyaltyrules.core.rule;
