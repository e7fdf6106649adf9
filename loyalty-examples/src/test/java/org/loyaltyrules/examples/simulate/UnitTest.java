package org.loyaltyrules.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.Money;

class UnitTest {
  @Test
  void eachUnitFormatsExactly() {
    assertThat(Unit.count().format(new BigDecimal("1234567"))).isEqualTo("1,234,567");
    assertThat(Unit.points().format(new BigDecimal("1249.5"))).isEqualTo("1,250");
    assertThat(Unit.money(Currency.getInstance("USD")).format(new BigDecimal("1234.5")))
        .isEqualTo("USD 1,234.50");
    assertThat(Unit.money(Currency.getInstance("JPY")).format(new BigDecimal("1234.5")))
        .isEqualTo("JPY 1,235");
    assertThat(Unit.money(Currency.getInstance("BHD")).format(new BigDecimal("0.0005")))
        .isEqualTo("BHD 0.001");
    assertThat(Unit.percent().format(new BigDecimal("0.1234"))).isEqualTo("12.3%");
    assertThat(Unit.percent().format(new BigDecimal("1"))).isEqualTo("100.0%");
    assertThat(Unit.percent().format(new BigDecimal("0.00049"))).isEqualTo("0.0%");
    assertThat(Unit.decimal(1).format(new BigDecimal("-42.25"))).isEqualTo("-42.3");
    assertThat(Unit.decimal(0).format(new BigDecimal("42.5"))).isEqualTo("43");
  }

  @Test
  void valuesFormatInTheirUnit() {
    assertThat(Value.money(Money.of("123456.785", "USD")).formatted()).isEqualTo("USD 123,456.79");
    assertThat(Value.count(10_000).formatted()).isEqualTo("10,000");
    assertThat(Value.points(new BigDecimal("730000")).formatted()).isEqualTo("730,000");
    assertThat(Value.ratio(new BigDecimal("0.5178")).formatted()).isEqualTo("51.8%");
    assertThat(Value.text("starbucks.program.yaml").formatted())
        .isEqualTo("starbucks.program.yaml");
    assertThat(Value.count(3)).isEqualTo(Value.count(3)).hasSameHashCodeAs(Value.count(3));
  }

  @Test
  void formattingIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    String[] shown = new String[2];
    try {
      Locale.setDefault(Locale.GERMANY);
      shown[0] = Unit.money(Currency.getInstance("EUR")).format(new BigDecimal("1234567.5"))
          + Unit.percent().format(new BigDecimal("0.125"));
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      shown[1] = Unit.money(Currency.getInstance("EUR")).format(new BigDecimal("1234567.5"))
          + Unit.percent().format(new BigDecimal("0.125"));
    } finally {
      Locale.setDefault(before);
    }
    assertThat(shown).containsOnly("EUR 1,234,567.5012.5%");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> Unit.decimal(13)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("13");
    assertThatThrownBy(() -> Unit.money(Currency.getInstance("XAU")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XAU");
    assertThatThrownBy(() -> Unit.points().format(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    assertThatThrownBy(() -> Value.of(BigDecimal.TEN, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
  }
}
