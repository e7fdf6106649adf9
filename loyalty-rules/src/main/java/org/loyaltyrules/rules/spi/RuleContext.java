package org.loyaltyrules.rules.spi;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.PurchaseContext;

/**
 * What an extension may read while a purchase is evaluated: the purchase, the quantity of each
 * line that earns (less what was returned), the earning amount, what the rules know of the
 * member, and the purchase's local date-time in the program's zone. A read-only view, valid only
 * during the call it is passed to.
 */
public interface RuleContext {
  /** Returns the purchase being evaluated. */
  Purchase purchase();

  /** Returns the quantity of {@code line} that earns: what was bought less what was returned. */
  BigDecimal quantity(PurchaseLine line);

  /** Returns the order's earning amount, as the program's earn policy counts it. */
  BigDecimal earningAmount();

  /** Returns what the rules know of the member: tier, segments, attributes, active plans. */
  PurchaseContext member();

  /** Returns the purchase's local date-time in the program's zone. */
  LocalDateTime localTime();
}
