package org.loyaltyrules.rules.spi;

/**
 * A condition written in Java that a rule's settings can require. Implementations must be
 * stateless, thread-safe and pure.
 */
@FunctionalInterface
public interface ConditionExtension {
  /**
   * Returns true if the rule may apply to this purchase.
   *
   * @param context what the condition may read
   * @return whether it holds
   */
  boolean test(RuleContext context);
}
