package org.loyaltyrules.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatioTest {
  @Test
  void valuesAndPercentagesRoundHalfEvenFromTheExactTerms() {
    // 1/3 = 0.333...; 2/3 = 0.666...; 1/8 = 0.125 -> 0.12 (to even); 3/8 = 0.375 -> 0.38
    assertThat(Ratio.of(1, 3).value(2)).contains(new BigDecimal("0.33"));
    assertThat(Ratio.of(1, 3).percent(1)).contains(new BigDecimal("33.3"));
    assertThat(Ratio.of(2, 3).value(0)).contains(new BigDecimal("1"));
    assertThat(Ratio.of(1, 8).value(2)).contains(new BigDecimal("0.12"));
    assertThat(Ratio.of(3, 8).value(2)).contains(new BigDecimal("0.38"));
    // 1/8 as a percentage is 12.5 exactly, not 0.12 * 100
    assertThat(Ratio.of(1, 8).percent(1)).contains(new BigDecimal("12.5"));
    assertThat(Ratio.of(-1, 4).percent(0)).contains(new BigDecimal("-25"));
  }

  @Test
  void aZeroDenominatorIsUndefinedNotZero() {
    Ratio undefined = Ratio.of(5, 0);
    assertThat(undefined.isDefined()).isFalse();
    assertThat(undefined.value(2)).isEmpty();
    assertThat(undefined.percent(2)).isEmpty();
    assertThat(undefined.numerator()).isEqualByComparingTo("5");
    assertThatThrownBy(() -> undefined.compareTo(Ratio.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot compare an undefined ratio: 5/0 with 1/2");
  }

  @Test
  void termsAreComparedAsQuantitiesAndValuesByCrossMultiplying() {
    assertThat(Ratio.of(new BigDecimal("1.0"), new BigDecimal("2.00"))).isEqualTo(Ratio.of(1, 2));
    assertThat(Ratio.of(new BigDecimal("100"), BigDecimal.TEN).toString()).isEqualTo("100/10");
    assertThat(Ratio.of(2, 4)).isNotEqualTo(Ratio.of(1, 2));
    assertThat(Ratio.of(2, 4).compareTo(Ratio.of(1, 2))).isZero();
    assertThat(Ratio.of(1, 3).compareTo(Ratio.of(1, 2))).isNegative();
  }

  @Test
  void theComplementSharesTheDenominator() {
    assertThat(Ratio.of(8, 10).complement()).isEqualTo(Ratio.of(2, 10));
    assertThat(Ratio.of(0, 0).complement().isDefined()).isFalse();
  }

  @Test
  void badTermsAndScalesAreNamed() {
    assertThatThrownBy(() -> Ratio.of(1, -2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratio denominator must not be negative, was -2 (numerator 1)");
    assertThatThrownBy(() -> Ratio.of(null, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratio numerator must not be null");
    assertThatThrownBy(() -> Ratio.of(1, 2).value(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be between 0 and 100, was -1");
    assertThatThrownBy(() -> Ratio.of(1, 2).percent(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale must be between 0 and 100, was 101");
  }
}
