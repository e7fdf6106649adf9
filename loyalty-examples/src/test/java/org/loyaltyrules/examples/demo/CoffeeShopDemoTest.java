package org.loyaltyrules.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;

class CoffeeShopDemoTest {
  private final StringWriter text = new StringWriter();
  private final Member ana = new CoffeeShopDemo().run(new PrintWriter(text, true));

  @Test
  void starsAreTwoPerDollarOfEachLineRoundedDown() {
    assertThat(CoffeeShopDemo.starsFor(
        PurchaseLine.of("l1", "latte", "drinks", 2, Money.of("5.45", "USD")))).isEqualTo(21);
    assertThat(CoffeeShopDemo.starsFor(
        PurchaseLine.of("l1", "mug", "merchandise", 1, Money.of("24.00", "USD")))).isEqualTo(48);
    assertThat(CoffeeShopDemo.starsFor(PurchaseLine.of("l1", "latte", "drinks", 1,
        Money.of("12.99", "USD")))).as("25.98 rounds down").isEqualTo(25);
  }

  @Test
  void theStoryEndsWithEverythingSpentOrExpired() {
    assertThat(ana.available(CoffeeShopDemo.STARS)).isZero();
    assertThat(ana.pending(CoffeeShopDemo.STARS)).isZero();
    var balances = ana.ledger().balances(CoffeeShopDemo.STARS);
    assertThat(balances.get(Account.breakage())).as("the 40 stars left after the drink")
        .isEqualTo(40);
    assertThat(balances.get(Account.issuance())).isEqualTo(-40);
    assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isZero();
  }

  @Test
  void earnedReturnedRedeemedAndExpiredAsPrinted() {
    var postings = ana.ledger().postings();
    assertThat(postings).hasSize(14);
    assertThat(postings.stream().filter(p -> p.type() == PostingType.EARN)
        .mapToLong(p -> p.amount())).containsExactly(28L, 122L, 27L, 111L);
    assertThat(postings.stream().filter(p -> p.type() == PostingType.REVERSE)
        .mapToLong(p -> p.amount())).containsExactly(48L);
    assertThat(postings.stream().filter(p -> p.type() == PostingType.REDEEM)
        .mapToLong(p -> p.amount())).as("earliest-expiring lots first").containsExactly(28L, 74L, 27L, 71L);
    assertThat(ana.purchases().record(org.loyaltyrules.core.ActivityId.of("order-2"))
        .orElseThrow().returnedOf(org.loyaltyrules.core.LineId.of("l2")))
        .isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void printsTheRefusalsAndTheRegistry() {
    assertThat(text.toString())
        .contains("order-1: USD 14.85, earns 28 stars")
        .contains("ReturnExceedsPurchaseException: return return-2: line l2 of purchase order-2: "
            + "cannot return 1, it was already returned in full")
        .contains("InsufficientPointsException: insufficient stars: requested 200, available 40")
        .contains("CurrencyMismatchException: purchase order-5: lines[1].unitPrice: currency "
            + "must be USD, was EUR")
        .contains("40 unspent stars expire")
        .containsPattern("sum\\s+0");
  }
}
