package org.loyaltyrules.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  @Test
  void equalValuesAreEqualWhateverTheirScale() {
    assertThat(usd("12.5")).isEqualTo(usd("12.500")).hasToString("USD 12.50");
    assertThat(usd("12.5").hashCode()).isEqualTo(usd("12.500").hashCode());
    assertThat(Money.of("1000", "JPY")).hasToString("JPY 1000");
    assertThat(usd("1.995")).as("a fractional cent is kept").hasToString("USD 1.995");
  }

  @Test
  void arithmeticIsExact() {
    assertThat(usd("0.10").plus(usd("0.20"))).isEqualTo(usd("0.30"));
    assertThat(usd("12.99").times(BigDecimal.valueOf(2))).isEqualTo(usd("25.98"));
    assertThat(usd("3.99").times(new BigDecimal("1.5"))).isEqualTo(usd("5.985"));
    assertThat(usd("5.985").rounded(RoundingMode.HALF_EVEN)).isEqualTo(usd("5.98"));
    assertThat(usd("5").minus(usd("7.25"))).isEqualTo(usd("-2.25"));
    assertThat(usd("0.005").times(333)).as("PetSmart: 333 points at $0.005").isEqualTo(
        usd("1.665"));
  }

  @Test
  void mixingCurrenciesThrowsNamingBoth() {
    assertThatThrownBy(() -> usd("1").plus(Money.of("1", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("money: currency must be USD, was EUR");
    assertThatThrownBy(() -> usd("1").compareTo(Money.of("1", "EUR")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void badTextAndUnknownCurrenciesAreNamed() {
    assertThatThrownBy(() -> Money.of("12,50", "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount is not a decimal number: '12,50'");
    assertThatThrownBy(() -> Money.of("1", "XYZ"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown currency code: 'XYZ'");
    assertThatThrownBy(() -> Money.of("1", "XXX"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XXX");
    assertThatThrownBy(() -> Money.of((String) null, "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must not be null");
  }

  @Test
  void hugeOrOverPreciseAmountsAreRefusedAtOnceNamingThem() {
    assertThatThrownBy(() -> Money.of("1E+20000000", "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 1E+20000000 has more than 18 digits before the decimal point");
    assertThatThrownBy(() -> Money.of("1E+2147483647", "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1E+2147483647");
    assertThatThrownBy(() -> Money.of("1E-2147483647", "USD"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount 1E-2147483647 has more than 12 decimal places");
    assertThatThrownBy(() -> usd("999999999999999999").plus(usd("1")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 18 digits");
    assertThat(usd("999999999999999999.999999999999")).as("the largest amount is fine")
        .hasToString("USD 999999999999999999.999999999999");
  }
}
