package org.loyaltyrules.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;

class PurchaseLineTest {
  private static final Money PRICE = Money.of("3.99", "USD");

  @Test
  void hugeOrOverPreciseQuantitiesAreRefusedNamingThem() {
    assertThatThrownBy(() -> PurchaseLine.of(LineId.of("l1"), "salt", "food",
            new BigDecimal("1E+20000000"), PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: quantity must have at most 9 digits before the decimal point, "
            + "was 1E+20000000");
    assertThatThrownBy(() -> PurchaseLine.of(LineId.of("l1"), "salt", "food",
            new BigDecimal("0.0000001"), PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: quantity must have at most 6 decimal places, was 1E-7");
    assertThat(PurchaseLine.of(LineId.of("l1"), "salt", "food", new BigDecimal("999999999.5"),
        Money.of("1", "USD")).total()).isEqualTo(Money.of("999999999.5", "USD"));
  }

  @Test
  void shortFactoryGivesWholeItemsWithoutTagsOrPartner() {
    PurchaseLine line = PurchaseLine.of("l1", "MUG-1", "kitchen", 3, Money.of("12.50", "USD"));

    assertThat(line.id()).isEqualTo(LineId.of("l1"));
    assertThat(line.sku()).isEqualTo("MUG-1");
    assertThat(line.category()).isEqualTo("kitchen");
    assertThat(line.quantity()).isEqualTo(new BigDecimal("3"));
    assertThat(line.unitOfMeasure()).isEqualTo("each");
    assertThat(line.tags()).isEmpty();
    assertThat(line.partner()).isEmpty();
    assertThat(line.unitPrice()).isEqualTo(Money.of("12.50", "USD"));
    assertThat(line.total()).isEqualTo(Money.of("37.50", "USD"));
  }

  @Test
  void totalIsExactForFractionalQuantities() {
    PurchaseLine apples = PurchaseLine.of("l1", "APL", "produce", 1, PRICE)
        .withQuantity(new BigDecimal("1.5"))
        .withUnitOfMeasure("kg");

    assertThat(apples.total()).isEqualTo(Money.of("5.985", "USD"));
    assertThat(apples.total().amount()).isEqualByComparingTo("5.985");
    assertThat(apples.total().amount().scale()).isEqualTo(3);
    assertThat(apples.unitOfMeasure()).isEqualTo("kg");
  }

  @Test
  void totalKeepsManyDecimalPlaces() {
    PurchaseLine fuel = PurchaseLine.of("l1", "FUEL", "fuel", 1, Money.of("1.799", "EUR"))
        .withQuantity(new BigDecimal("42.137"));

    assertThat(fuel.total().amount()).isEqualByComparingTo("75.804463");
    assertThat(fuel.total().toString()).isEqualTo("EUR 75.804463");
  }

  @Test
  void zeroPriceIsAllowed() {
    PurchaseLine gift = PurchaseLine.of("l1", "GIFT", "promo", 2, Money.of("0", "USD"));

    assertThat(gift.total()).isEqualTo(Money.of("0.00", "USD"));
  }

  @Test
  void quantitiesDifferingOnlyInTrailingZerosGiveEqualLines() {
    PurchaseLine a = PurchaseLine.of("l1", "APL", "produce", 1, PRICE)
        .withQuantity(new BigDecimal("2.50"));
    PurchaseLine b = PurchaseLine.of("l1", "APL", "produce", 1, PRICE)
        .withQuantity(new BigDecimal("2.5"));
    PurchaseLine ten = PurchaseLine.of("l1", "APL", "produce", 1, PRICE)
        .withQuantity(new BigDecimal("10.000"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.quantity()).isEqualTo(new BigDecimal("2.5"));
    assertThat(ten.quantity().toPlainString()).isEqualTo("10");
  }

  @Test
  void zeroQuantityIsRejectedNamingValueAndLine() {
    assertThatThrownBy(() -> PurchaseLine.of("l2", "APL", "produce", 0, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l2: quantity must be positive, was 0");
  }

  @Test
  void negativeQuantityIsRejectedNamingValueAndLine() {
    assertThatThrownBy(() -> PurchaseLine.of("l2", "APL", "produce", -1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l2: quantity must be positive, was -1");

    PurchaseLine line = PurchaseLine.of("l3", "APL", "produce", 1, PRICE);
    assertThatThrownBy(() -> line.withQuantity(new BigDecimal("-0.25")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l3: quantity must be positive, was -0.25");
    assertThatThrownBy(() -> line.withQuantity(new BigDecimal("0E+3")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l3: quantity must be positive, was 0");
  }

  @Test
  void negativeUnitPriceIsRejected() {
    assertThatThrownBy(() -> PurchaseLine.of("l1", "APL", "produce", 1, Money.of("-0.01", "USD")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: unitPrice must not be negative, was USD -0.01");
  }

  @Test
  void blankTextIsRejectedNamingTheField() {
    assertThatThrownBy(() -> PurchaseLine.of("l1", " ", "produce", 1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: sku must not be blank, was ' '");
    assertThatThrownBy(() -> PurchaseLine.of("l1", "APL", "", 1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: category must not be blank, was ''");
    PurchaseLine line = PurchaseLine.of("l1", "APL", "produce", 1, PRICE);
    assertThatThrownBy(() -> line.withUnitOfMeasure("\t"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: unitOfMeasure must not be blank, was '\t'");
    assertThatThrownBy(() -> PurchaseLine.of(" l1", "APL", "produce", 1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line id must not start or end with white space, was ' l1'");
  }

  @Test
  void nullArgumentsGiveIllegalArgumentExceptionNamingTheField() {
    assertThatThrownBy(() -> PurchaseLine.of((String) null, "APL", "produce", 1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line id must not be null");
    assertThatThrownBy(
            () -> PurchaseLine.of((LineId) null, "APL", "produce", BigDecimal.ONE, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase line: line id must not be null");
    assertThatThrownBy(() -> PurchaseLine.of("l1", null, "produce", 1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: sku must not be null");
    assertThatThrownBy(() -> PurchaseLine.of("l1", "APL", null, 1, PRICE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: category must not be null");
    assertThatThrownBy(() -> PurchaseLine.of("l1", "APL", "produce", 1, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: unitPrice must not be null");
    PurchaseLine line = PurchaseLine.of("l1", "APL", "produce", 1, PRICE);
    assertThatThrownBy(() -> line.withQuantity(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: quantity must not be null");
    assertThatThrownBy(() -> line.withTags(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: tags must not be null");
    assertThatThrownBy(() -> line.withPartner(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: partner must not be null");
    assertThatThrownBy(() -> line.withUnitOfMeasure(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: unitOfMeasure must not be null");
  }

  @Test
  void tagsAreCopiedSortedAndImmutable() {
    Set<String> tags = new HashSet<>(Arrays.asList("organic", "local", "fresh"));
    PurchaseLine line = PurchaseLine.of("l1", "APL", "produce", 1, PRICE).withTags(tags);
    tags.add("later");

    assertThat(line.tags()).containsExactly("fresh", "local", "organic");
    assertThatThrownBy(() -> line.tags().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void blankOrNullTagsAreRejected() {
    PurchaseLine line = PurchaseLine.of("l1", "APL", "produce", 1, PRICE);

    assertThatThrownBy(() -> line.withTags(Set.of("ok", " ")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: tag must not be blank, was ' '");
    assertThatThrownBy(() -> line.withTags(new HashSet<>(Arrays.asList("ok", null))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("line l1: tag must not be null");
  }

  @Test
  void withersChangeOnlyTheirFieldAndLeaveTheOriginal() {
    PurchaseLine night = PurchaseLine.of("l1", "ROOM-K", "lodging", 3, Money.of("189", "USD"));
    PurchaseLine changed = night.withUnitOfMeasure("night")
        .withPartner(PartnerId.of("hyatt"))
        .withTags(Set.of("suite"));

    assertThat(night.unitOfMeasure()).isEqualTo("each");
    assertThat(night.partner()).isEmpty();
    assertThat(night.tags()).isEmpty();
    assertThat(changed.unitOfMeasure()).isEqualTo("night");
    assertThat(changed.partner()).contains(PartnerId.of("hyatt"));
    assertThat(changed.tags()).containsExactly("suite");
    assertThat(changed.id()).isEqualTo(night.id());
    assertThat(changed.quantity()).isEqualTo(night.quantity());
    assertThat(changed.total()).isEqualTo(Money.of("567.00", "USD"));
    assertThat(changed).isNotEqualTo(night);
    assertThat(night.withUnitPrice(Money.of("200", "USD")).total())
        .isEqualTo(Money.of("600", "USD"));
  }

  @Test
  void toStringIsLocaleNeutralAndComplete() {
    PurchaseLine line = PurchaseLine.of("l1", "APL", "produce", 1, PRICE)
        .withQuantity(new BigDecimal("1.5"))
        .withPartner(PartnerId.of("farm"));

    assertThat(line.toString()).isEqualTo("PurchaseLine{id=l1, sku=APL, category=produce, tags=[],"
        + " quantity=1.5, unitOfMeasure=each, unitPrice=USD 3.99, partner=farm}");
  }
}
