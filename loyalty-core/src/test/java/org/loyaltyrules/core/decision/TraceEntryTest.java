package org.loyaltyrules.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;

class TraceEntryTest {
  private static final RuleId BASE = RuleId.of("two-stars-per-dollar");
  private static final RuleId DOUBLE = RuleId.of("double-star-day");
  private static final UnitId STARS = UnitId.of("stars");

  private static TraceEntry entry(boolean matched, long granted, long cap, long stacking,
      String rounding) {
    return new TraceEntry(BASE, matched, Optional.of(STARS), granted, cap, stacking,
        new BigDecimal(rounding), "total $12.99 at 2 stars per $1");
  }

  @Test
  void whyDidIGetTwentyFiveStars() {
    TraceEntry entry = entry(true, 25, 0, 0, "0.98");

    assertThat(entry.matched()).isTrue();
    assertThat(entry.granted()).isEqualTo(25);
    assertThat(entry.lostToRounding()).isEqualByComparingTo("0.98");
    assertThat(entry.note()).isEqualTo("total $12.99 at 2 stars per $1");
  }

  @Test
  void whatACapAndStackingTookAway() {
    TraceEntry capped = entry(true, 500, 120, 0, "0");
    TraceEntry excluded = entry(true, 0, 0, 25, "0");

    assertThat(capped.lostToCap()).isEqualTo(120);
    assertThat(excluded.granted()).isZero();
    assertThat(excluded.lostToStacking()).isEqualTo(25);
  }

  @Test
  void notMatched() {
    TraceEntry entry = TraceEntry.notMatched(DOUBLE, "14 March only");

    assertThat(entry.rule()).isEqualTo(DOUBLE);
    assertThat(entry.matched()).isFalse();
    assertThat(entry.unit()).isEmpty();
    assertThat(entry.granted()).isZero();
    assertThat(entry.lostToCap()).isZero();
    assertThat(entry.lostToStacking()).isZero();
    assertThat(entry.lostToRounding()).isEqualByComparingTo("0");
    assertThat(entry.note()).isEqualTo("14 March only");
  }

  @Test
  void aRuleThatDidNotMatchCannotGrantPoints() {
    assertThatThrownBy(() -> entry(false, 5, 0, 0, "0"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar did not match but granted 5");
  }

  @Test
  void countsMustNotBeNegative() {
    assertThatThrownBy(() -> entry(true, -1, 0, 0, "0"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: granted must not be negative, was -1");
    assertThatThrownBy(() -> entry(true, 25, -120, 0, "0"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: lost to cap must not be negative, was -120");
    assertThatThrownBy(() -> entry(true, 25, 0, -3, "0"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: lost to stacking must not be negative, was -3");
    assertThatThrownBy(() -> entry(true, 25, 0, 0, "-0.5"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: lost to rounding must not be negative, was -0.5");
  }

  @Test
  void partsMustBePresent() {
    assertThatThrownBy(() -> new TraceEntry(BASE, true, Optional.of(STARS), 25, 0, 0,
            BigDecimal.ZERO, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: note must not be null");
    assertThatThrownBy(() -> new TraceEntry(BASE, true, null, 25, 0, 0, BigDecimal.ZERO, ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: unit must not be null");
    assertThatThrownBy(() -> new TraceEntry(BASE, true, Optional.of(STARS), 25, 0, 0, null, ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule two-stars-per-dollar: lost to rounding must not be null");
    assertThatThrownBy(() -> TraceEntry.notMatched(null, "n/a"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace rule must not be null");
  }
}
