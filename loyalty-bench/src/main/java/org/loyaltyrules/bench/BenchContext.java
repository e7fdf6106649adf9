package org.loyaltyrules.bench;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.rules.spi.RuleContext;

/**
 * The fixed input of the benchmarks: a five-line purchase made on a Saturday by a gold member in
 * segment {@code students}, every line earning its full quantity.
 *
 * @param purchase the purchase
 * @param earningAmount the earning amount, the goods' total
 * @param member what the rules know of the member
 * @param localTime the purchase's local time
 */
record BenchContext(Purchase purchase, BigDecimal earningAmount, PurchaseContext member,
    LocalDateTime localTime) implements RuleContext {

  /** Saturday 14 March 2026, 12:30. */
  static final LocalDateTime SATURDAY_NOON = LocalDateTime.of(2026, 3, 14, 12, 30);

  /**
   * The standard order: tents, a stove and a lantern (outdoor, 4 items), socks (apparel) and
   * maps (books); 334.87 USD in all.
   */
  static BenchContext standard() {
    if (SATURDAY_NOON.getDayOfWeek() != DayOfWeek.SATURDAY) {
      throw new AssertionError(SATURDAY_NOON);
    }
    Purchase purchase = Purchase.builder(ActivityId.of("p1"),
            SATURDAY_NOON.atZone(ZoneOffset.UTC).toInstant())
        .channel(Channel.ONLINE)
        .tax(Money.of("10.00", "USD"))
        .shipping(Money.of("5.00", "USD"))
        .lines(List.of(
            PurchaseLine.of("l1", "TENT-2", "outdoor", 2, Money.of("120.00", "USD"))
                .withTags(Set.of("eco")),
            PurchaseLine.of("l2", "STOVE", "outdoor", 1, Money.of("45.50", "USD")),
            PurchaseLine.of("l3", "SOCK", "apparel", 3, Money.of("4.99", "USD")),
            PurchaseLine.of("l4", "LANTERN", "outdoor", 1, Money.of("19.90", "USD")),
            PurchaseLine.of("l5", "MAP", "books", 2, Money.of("7.25", "USD"))))
        .build();
    PurchaseContext member = new PurchaseContext(Optional.of(TierId.of("gold")),
        Set.of("students"), Map.of("city", "Seoul"), Set.of(PlanId.of("plus")));
    return new BenchContext(purchase, new BigDecimal("334.87"), member, SATURDAY_NOON);
  }

  /** Every line earns its full quantity: nothing was returned. */
  @Override
  public BigDecimal quantity(PurchaseLine line) {
    return line.quantity();
  }
}
