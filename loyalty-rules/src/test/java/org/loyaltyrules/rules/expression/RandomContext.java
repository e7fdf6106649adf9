package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.rules.spi.RuleContext;

/**
 * A purchase, its lines' earning quantities, a member and a local time for a generated expression
 * to read, as {@link ExpressionGenerator#contexts(int)} makes them. Unlike {@link TestContext},
 * its {@code toString} shows everything an expression can read, so a falsified property prints
 * the whole input. Immutable.
 *
 * @param purchase the purchase
 * @param earning each line's earning quantity, by line id: what {@link #quantity} returns; zero
 *     for a line returned in full
 * @param earningAmount the earning amount
 * @param member what the rules know of the member
 * @param localTime the purchase's local date-time
 */
record RandomContext(Purchase purchase, Map<String, BigDecimal> earning,
    BigDecimal earningAmount, PurchaseContext member, LocalDateTime localTime)
    implements RuleContext {

  RandomContext {
    earning = Map.copyOf(earning);
  }

  @Override
  public BigDecimal quantity(PurchaseLine line) {
    BigDecimal q = earning.get(line.id().value());
    if (q == null) {
      throw new IllegalArgumentException("not a line of this purchase: " + line);
    }
    return q;
  }

  @Override
  public String toString() {
    String lines = purchase.lines().stream()
        .map(l -> l.id().value() + "{sku=" + l.sku() + ", category=" + l.category() + ", tags="
            + l.tags() + ", quantity=" + l.quantity().toPlainString() + " " + l.unitOfMeasure()
            + ", earning=" + quantity(l).toPlainString() + ", unitPrice="
            + l.unitPrice().amount().toPlainString()
            + l.partner().map(p -> ", partner=" + p.value()).orElse("") + "}")
        .collect(Collectors.joining(", ", "[", "]"));
    return "Context{" + purchase.channel() + " " + purchase.currency() + ", tax="
        + purchase.tax().amount().toPlainString() + ", shipping="
        + purchase.shipping().amount().toPlainString()
        + purchase.partner().map(p -> ", partner=" + p.value()).orElse("") + ", lines=" + lines
        + ", earningAmount=" + earningAmount.toPlainString() + ", member{tier="
        + member.tier().map(t -> t.value()).orElse("") + ", segments=" + member.segments()
        + ", attributes=" + member.attributes() + ", plans=" + member.activePlans()
        + ", birthdayMonth=" + member.birthdayMonth() + "}, at="
        + localTime + "}";
  }
}
