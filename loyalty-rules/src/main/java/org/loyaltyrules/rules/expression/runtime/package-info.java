/**
 * Internal: the read-only views a compiled expression reads, and the functions it calls. These
 * types are public only because the expression engine reads them by reflection; they are not an
 * API and may change in any release. Use {@link org.loyaltyrules.rules.expression} instead.
 *
 * <p>A {@link org.loyaltyrules.rules.expression.runtime.Scope} is made for one evaluation, on one
 * thread, over a {@link org.loyaltyrules.rules.spi.RuleContext}; nothing here has a side effect
 * on anything but the scope itself.
 */
package org.loyaltyrules.rules.expression.runtime;
