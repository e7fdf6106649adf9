package org.loyaltyrules.rules.expression;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.rules.spi.RuleContext;

/** A purchase and a member for expressions to read, built in a line or two of a test. */
record TestContext(Purchase purchase, Function<PurchaseLine, BigDecimal> quantities,
    BigDecimal earningAmount, PurchaseContext member, LocalDateTime localTime)
    implements RuleContext {

  static final LocalDateTime SATURDAY_NOON = LocalDateTime.of(2026, 3, 14, 12, 30);

  /**
   * The standard order: two tents (outdoor, tagged eco) at 120.00, one stove (outdoor) at 45.50
   * and three socks (apparel) at 4.99, bought online on Saturday 14 March 2026 at 12:30 by a
   * gold member in segment 'students' with attribute city=Seoul and plan 'plus'.
   */
  static TestContext standard() {
    Purchase purchase = Purchase.builder(ActivityId.of("p1"),
            SATURDAY_NOON.atZone(java.time.ZoneOffset.UTC).toInstant())
        .channel(Channel.ONLINE)
        .tax(Money.of("10.00", "USD"))
        .shipping(Money.of("5.00", "USD"))
        .lines(List.of(
            PurchaseLine.of("l1", "TENT-2", "outdoor", 2, Money.of("120.00", "USD"))
                .withTags(Set.of("eco")),
            PurchaseLine.of("l2", "STOVE", "outdoor", 1, Money.of("45.50", "USD")),
            PurchaseLine.of("l3", "SOCK", "apparel", 3, Money.of("4.99", "USD"))))
        .build();
    PurchaseContext member = new PurchaseContext(Optional.of(TierId.of("gold")),
        Set.of("students"), Map.of("city", "Seoul"), Set.of(PlanId.of("plus")));
    return new TestContext(purchase, PurchaseLine::quantity, new BigDecimal("300.47"), member,
        SATURDAY_NOON);
  }

  @Override
  public BigDecimal quantity(PurchaseLine line) {
    return quantities.apply(line);
  }

  /** The same order with {@code line}'s earning quantity set to {@code quantity}. */
  TestContext withQuantity(String line, BigDecimal quantity) {
    Function<PurchaseLine, BigDecimal> before = quantities;
    return new TestContext(purchase, l -> l.id().value().equals(line) ? quantity
        : before.apply(l), earningAmount, member, localTime);
  }
}
