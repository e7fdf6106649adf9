package org.loyaltyrules.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|0|0",
      "0|2|0.00",
      "7|0|7",
      "999|0|999",
      "1000|0|1,000",
      "12345|0|12,345",
      "123456|0|123,456",
      "1234567.891|2|1,234,567.89",
      "1234567.895|2|1,234,567.90",
      "0.5|0|1",
      "2.5|0|3",
      "-2.5|0|-3",
      "-1234.5|1|-1,234.5",
      "-0.001|2|0.00",
      "1E+6|0|1,000,000",
      "100000000000000000000|0|100,000,000,000,000,000,000"})
  void groupsByThreesAndRoundsHalfUp(String value, int decimals, String shown) {
    assertThat(Numbers.grouped(new BigDecimal(value), decimals)).isEqualTo(shown);
  }

  @Test
  void negativeDecimalsAreRefused() {
    assertThatThrownBy(() -> Numbers.grouped(BigDecimal.ONE, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @ParameterizedTest
  @CsvSource({"0,0", "40,40", "12.25,12.3", "12.24,12.2", "-3.5,-3.5", "0.04,0", "-0.04,0",
      "639.99,640"})
  void coordinatesHaveAtMostOneDecimal(double value, String shown) {
    assertThat(Numbers.coordinate(value)).isEqualTo(shown);
  }

  @Test
  void aCoordinateMustBeFinite() {
    assertThatThrownBy(() -> Numbers.coordinate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Numbers.coordinate(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
  }
}
