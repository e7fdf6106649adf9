package org.loyaltyrules.rules.spi;

/**
 * An earning rule written in Java: the points of its unit that a purchase earns, before caps.
 * Implementations must be stateless, thread-safe and pure.
 */
@FunctionalInterface
public interface RuleExtension {
  /**
   * Returns the points the purchase earns under this rule; zero for none, never negative.
   *
   * @param context what the rule may read
   * @return the points, before caps and budget
   */
  long points(RuleContext context);
}
