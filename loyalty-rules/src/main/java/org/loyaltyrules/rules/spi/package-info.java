/**
 * The rule SPI: add an earning rule or a condition in Java. An extension is a small class that
 * is stateless, thread-safe and pure — it reads the {@link org.loyaltyrules.rules.spi.RuleContext}
 * it is given and returns a result, with no I/O, clock or randomness of its own. A program names
 * it by kind ({@link org.loyaltyrules.core.rule.EarnRule.Custom},
 * {@link org.loyaltyrules.core.rule.CustomCondition}); {@link
 * org.loyaltyrules.rules.spi.Extensions} maps kinds to factories when the program is compiled, so
 * nothing is looked up or reflected over per call. Extensions get the same settings, caps, budget
 * and trace as the built-in kinds; an exception they throw is reported in the decision's errors
 * and handled as the rule's {@link org.loyaltyrules.core.rule.OnError} says.
 */
package org.loyaltyrules.rules.spi;
