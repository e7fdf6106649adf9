package org.loyaltyrules.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.rules.spi.RuleContext;

/**
 * The root of the raw-MVEL baselines: a plain object with getters over the same context, doing
 * the same work per read as the library's views (the order total is summed from the lines), but
 * with no literal table, no lazily made views and no error translation.
 */
public final class MvelFacts {
  private final RuleContext context;

  MvelFacts(RuleContext context) {
    this.context = context;
  }

  /** Returns the goods' value at the quantities that earn. */
  public BigDecimal getTotal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (PurchaseLine l : context.purchase().lines()) {
      sum = sum.add(l.unitPrice().amount().multiply(context.quantity(l)));
    }
    return sum;
  }

  /** Returns whether the member is in the segment. */
  public boolean inSegment(String segment) {
    return context.member().segments().contains(segment);
  }

  /** Returns the largest whole number not above {@code x}. */
  public BigDecimal floor(BigDecimal x) {
    return x.setScale(0, RoundingMode.FLOOR);
  }
}
