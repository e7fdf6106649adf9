package org.loyaltyrules.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AxisTest {
  private static Axis axis(String lo, String hi, String minStep) {
    return Axis.covering(new BigDecimal(lo), new BigDecimal(hi), 5, new BigDecimal(minStep));
  }

  private static String ticks(Axis axis) {
    return axis.ticks().stream().map(t -> t.stripTrailingZeros().toPlainString()).toList().toString();
  }

  @Test
  void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(ticks(axis("0", "12345.67", "0.01"))).isEqualTo("[0, 5000, 10000, 15000]");
    assertThat(ticks(axis("0", "100", "1"))).isEqualTo("[0, 20, 40, 60, 80, 100]");
    assertThat(ticks(axis("0", "9", "1"))).isEqualTo("[0, 2, 4, 6, 8, 10]");
    assertThat(ticks(axis("0", "0.37", "0.001"))).isEqualTo("[0, 0.1, 0.2, 0.3, 0.4]");
    assertThat(ticks(axis("-30", "70", "1"))).isEqualTo("[-40, -20, 0, 20, 40, 60, 80]");
  }

  @Test
  void theSmallestStepKeepsCountsWhole() {
    Axis axis = axis("0", "3", "1");
    assertThat(ticks(axis)).isEqualTo("[0, 1, 2, 3]");
    assertThat(axis.decimals()).isZero();
  }

  @Test
  void anEmptyRangeGetsOneStepOfRoom() {
    Axis zeros = axis("0", "0", "1");
    assertThat(ticks(zeros)).isEqualTo("[0, 1]");
    assertThat(zeros.fraction(BigDecimal.ZERO)).isEqualTo(0.0);
    Axis one = axis("250", "250", "0.01");
    assertThat(one.max()).isGreaterThan(one.min());
    assertThat(one.fraction(new BigDecimal("250"))).isBetween(0.0, 1.0);
  }

  @Test
  void decimalsFollowTheStep() {
    assertThat(axis("0", "2", "0.01").decimals()).isEqualTo(1);
    assertThat(axis("0", "0.04", "0.01").decimals()).isEqualTo(2);
    assertThat(axis("0", "5000000", "1").decimals()).isZero();
  }

  @Test
  void fractionsRunFromMinToMax() {
    Axis axis = axis("0", "100", "1");
    assertThat(axis.fraction(BigDecimal.ZERO)).isEqualTo(0.0);
    assertThat(axis.fraction(new BigDecimal("50"))).isEqualTo(0.5);
    assertThat(axis.fraction(new BigDecimal("100"))).isEqualTo(1.0);
  }
}
