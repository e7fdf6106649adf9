package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** World of Hyatt's published terms: points to airline miles at 5:2, 5,000 minimum, 1,250 steps. */
class TransferTermsTest {
  private static final TransferTerms HYATT = new TransferTerms("miles", 5, 2, 5_000, 1_250);

  @Test
  void validAmountsAreTheMinimumPlusWholeSteps() {
    assertThat(HYATT.accepts(5_000)).isTrue();
    assertThat(HYATT.accepts(6_250)).isTrue();
    assertThat(HYATT.accepts(50_000)).isTrue();
    assertThat(HYATT.accepts(4_999)).isFalse();
    assertThat(HYATT.accepts(6_000)).isFalse();
    assertThat(HYATT.partnerUnitsFor(5_000)).isEqualTo(2_000);
    assertThat(HYATT.partnerUnitsFor(6_250)).isEqualTo(2_500);
  }

  @Test
  void theNearestValidAmountsSurroundAnInvalidOne() {
    assertThat(HYATT.nearest(6_000)).isEqualTo(List.of(5_000L, 6_250L));
    assertThat(HYATT.nearest(1_000)).isEqualTo(List.of(5_000L));
    assertThat(HYATT.nearest(7_500)).isEqualTo(List.of(7_500L));
    assertThat(new TransferTerms("miles", 1, 1, 1, 1).nearest(Long.MAX_VALUE))
        .isEqualTo(List.of(Long.MAX_VALUE));
  }

  @Test
  void termsThatDoNotConvertExactlyAreRefusedNamingThem() {
    assertThatThrownBy(() -> new TransferTerms("miles", 5, 2, 5_000, 1_251))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("transfer step 1251 does not convert to a whole number of miles at 5:2");
    assertThatThrownBy(() -> new TransferTerms("miles", 5, 0, 5_000, 1_250))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("transfer ratio must be positive on both sides, was 5:0");
    assertThatThrownBy(() -> new TransferTerms(" ", 5, 2, 5_000, 1_250))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transfer partner unit");
    assertThatThrownBy(() -> HYATT.partnerUnitsFor(6_000))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("6000 points is not a valid transfer amount");
  }
}
