package org.loyaltyrules.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;

class PurchaseTest {
  private static final ActivityId P1 = ActivityId.of("p-1");
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  private static PurchaseLine line(String id, long quantity, String price) {
    return PurchaseLine.of(id, "SKU-" + id, "general", quantity, Money.of(price, "USD"));
  }

  @Test
  void javadocExample() {
    Purchase purchase =
        Purchase.builder(ActivityId.of("p-1"), Instant.parse("2026-03-01T10:00:00Z"))
        .channel(Channel.ONLINE)
        .line(PurchaseLine.of("l1", "MUG-1", "kitchen", 2, Money.of("12.50", "USD")))
        .shipping(Money.of("4.99", "USD"))
        .build();

    assertThat(purchase.subtotal()).isEqualTo(Money.of("25.00", "USD"));
    assertThat(purchase.total()).isEqualTo(Money.of("29.99", "USD"));
  }

  @Test
  void defaultsAndTotals() {
    Purchase p = Purchase.builder(P1, AT)
        .line(line("l1", 2, "12.50"))
        .line(line("l2", 1, "4.99"))
        .build();

    assertThat(p.id()).isEqualTo(P1);
    assertThat(p.occurredAt()).isEqualTo(AT);
    assertThat(p.channel()).isEqualTo(Channel.IN_STORE);
    assertThat(p.paymentInstrument()).isEmpty();
    assertThat(p.partner()).isEmpty();
    assertThat(p.shipping()).isEqualTo(Money.of("0", "USD"));
    assertThat(p.tax()).isEqualTo(Money.of("0", "USD"));
    assertThat(p.currency()).isEqualTo(USD);
    assertThat(p.subtotal()).isEqualTo(Money.of("29.99", "USD"));
    assertThat(p.total()).isEqualTo(Money.of("29.99", "USD"));
    assertThat(p.lines()).extracting(PurchaseLine::id)
        .containsExactly(LineId.of("l1"), LineId.of("l2"));
  }

  @Test
  void totalAddsShippingAndTaxExactly() {
    PurchaseLine apples = line("l1", 1, "3.99").withQuantity(new BigDecimal("1.5"))
        .withUnitOfMeasure("kg");
    Purchase p = Purchase.builder(P1, AT)
        .channel(Channel.ONLINE)
        .paymentInstrument("co-brand visa")
        .partner(PartnerId.of("grocer"))
        .line(apples)
        .line(line("l2", 3, "0.333"))
        .shipping(Money.of("4.99", "USD"))
        .tax(Money.of("0.4788", "USD"))
        .build();

    assertThat(p.subtotal()).isEqualTo(Money.of("6.984", "USD")); // 5.985 + 0.999
    assertThat(p.total()).isEqualTo(Money.of("12.4528", "USD"));
    assertThat(p.total().amount()).isEqualByComparingTo("12.4528");
    assertThat(p.channel()).isEqualTo(Channel.ONLINE);
    assertThat(p.paymentInstrument()).contains("co-brand visa");
    assertThat(p.partner()).contains(PartnerId.of("grocer"));
    assertThat(p.shipping()).isEqualTo(Money.of("4.99", "USD"));
    assertThat(p.tax()).isEqualTo(Money.of("0.4788", "USD"));
  }

  @Test
  void lineLookupById() {
    Purchase p = Purchase.builder(P1, AT).lines(List.of(line("l1", 1, "1"), line("l2", 2, "2")))
        .build();

    assertThat(p.line(LineId.of("l2")).map(PurchaseLine::total)).contains(Money.of("4", "USD"));
    assertThat(p.line(LineId.of("l9"))).isEmpty();
    assertThatThrownBy(() -> p.line(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: line id must not be null");
  }

  @Test
  void atLeastOneLine() {
    assertThatThrownBy(() -> Purchase.builder(P1, AT).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: must have at least one line");
  }

  @Test
  void duplicateLineIdNamesIdAndBothIndexes() {
    Purchase.Builder b = Purchase.builder(P1, AT)
        .line(line("l1", 1, "1"))
        .line(line("l2", 1, "1"))
        .line(line("l1", 5, "7"));

    assertThatThrownBy(b::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: lines[2] id l1 is a duplicate of lines[0]");
  }

  @Test
  void lineInAnotherCurrencyIsAMismatchNamingTheLocation() {
    Purchase.Builder b = Purchase.builder(P1, AT)
        .line(line("l1", 1, "1"))
        .line(line("l2", 1, "1"))
        .line(PurchaseLine.of("l3", "X", "general", 1, Money.of("2", "EUR")));

    assertThatThrownBy(b::build)
        .isExactlyInstanceOf(CurrencyMismatchException.class)
        .hasMessage("purchase p-1: lines[2].unitPrice: currency must be USD, was EUR")
        .satisfies(e -> {
          CurrencyMismatchException m = (CurrencyMismatchException) e;
          assertThat(m.expected()).isEqualTo(USD);
          assertThat(m.actual()).isEqualTo(EUR);
        });
  }

  @Test
  void shippingOrTaxInAnotherCurrencyIsAMismatch() {
    assertThatThrownBy(() -> Purchase.builder(P1, AT).line(line("l1", 1, "1"))
            .shipping(Money.of("1", "EUR")).build())
        .isExactlyInstanceOf(CurrencyMismatchException.class)
        .hasMessage("purchase p-1: shipping: currency must be USD, was EUR");
    assertThatThrownBy(() -> Purchase.builder(P1, AT).line(line("l1", 1, "1"))
            .tax(Money.of("1", "GBP")).build())
        .isExactlyInstanceOf(CurrencyMismatchException.class)
        .hasMessage("purchase p-1: tax: currency must be USD, was GBP");
  }

  @Test
  void defaultShippingAndTaxFollowTheLinesCurrency() {
    Purchase p = Purchase.builder(P1, AT)
        .line(PurchaseLine.of("l1", "X", "general", 2, Money.of("1000", "JPY")))
        .build();

    assertThat(p.currency()).isEqualTo(Currency.getInstance("JPY"));
    assertThat(p.shipping()).isEqualTo(Money.of("0", "JPY"));
    assertThat(p.total()).isEqualTo(Money.of("2000", "JPY"));
  }

  @Test
  void negativeShippingOrTaxIsRejected() {
    assertThatThrownBy(() -> Purchase.builder(P1, AT).line(line("l1", 1, "1"))
            .shipping(Money.of("-1", "USD")).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: shipping must not be negative, was USD -1.00");
    assertThatThrownBy(() -> Purchase.builder(P1, AT).line(line("l1", 1, "1"))
            .tax(Money.of("-0.005", "USD")).build())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: tax must not be negative, was USD -0.005");
  }

  @Test
  void nullArgumentsGiveIllegalArgumentExceptionNamingFieldAndActivity() {
    assertThatThrownBy(() -> Purchase.builder(null, AT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase: activity id must not be null");
    assertThatThrownBy(() -> Purchase.builder(P1, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: occurredAt must not be null");
    Purchase.Builder b = Purchase.builder(P1, AT).line(line("l1", 1, "1"));
    assertThatThrownBy(() -> b.channel(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: channel must not be null");
    assertThatThrownBy(() -> b.paymentInstrument(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: paymentInstrument must not be null");
    assertThatThrownBy(() -> b.paymentInstrument(" "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: paymentInstrument must not be blank, was ' '");
    assertThatThrownBy(() -> b.shipping(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: shipping must not be null");
    assertThatThrownBy(() -> b.tax(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: tax must not be null");
    assertThatThrownBy(() -> b.partner(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: partner must not be null");
    assertThatThrownBy(() -> b.line(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: lines[1] must not be null");
    assertThatThrownBy(() -> b.lines(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: lines must not be null");
    assertThatThrownBy(() -> b.lines(Arrays.asList(line("l2", 1, "1"), null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: lines[2] must not be null");
  }

  @Test
  void linesAreCopiedAndImmutable() {
    List<PurchaseLine> lines = new ArrayList<>(List.of(line("l1", 1, "1")));
    Purchase.Builder b = Purchase.builder(P1, AT).lines(lines);
    lines.add(line("l2", 1, "1"));
    Purchase p = b.build();
    b.line(line("l3", 1, "1"));

    assertThat(p.lines()).hasSize(1);
    assertThatThrownBy(() -> p.lines().add(line("l4", 1, "1")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsHashCodeAndToBuilder() {
    Purchase a = Purchase.builder(P1, AT).channel(Channel.APP).paymentInstrument("card")
        .line(line("l1", 1, "1")).tax(Money.of("0.10", "USD")).build();
    Purchase b = Purchase.builder(P1, AT).channel(Channel.APP).paymentInstrument("card")
        .line(line("l1", 1, "1.00")).tax(Money.of("0.1", "USD")).build();
    Purchase copy = a.toBuilder().build();
    Purchase more = a.toBuilder().line(line("l2", 1, "2")).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(copy);
    assertThat(more).isNotEqualTo(a);
    assertThat(more.total()).isEqualTo(Money.of("3.10", "USD"));
    assertThat(more.paymentInstrument()).contains("card");
    assertThat(a.toBuilder().channel(Channel.ONLINE).build()).isNotEqualTo(a);
  }

  @Test
  void toStringNamesTheParts() {
    Purchase p = Purchase.builder(P1, AT).line(line("l1", 1, "1")).build();

    assertThat(p.toString()).startsWith("Purchase{id=p-1, occurredAt=2026-03-01T10:15:30Z,"
        + " channel=IN_STORE, shipping=USD 0.00, tax=USD 0.00, lines=[PurchaseLine{id=l1");
  }

  @Test
  void isAnActivity() {
    Activity a = Purchase.builder(P1, AT).line(line("l1", 1, "1")).build();

    assertThat(a.id()).isEqualTo(P1);
    assertThat(a.occurredAt()).isEqualTo(AT);
  }
}
