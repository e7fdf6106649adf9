package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.ROUGE;
import static org.loyaltyrules.core.program.ProgramFixtures.STARS;
import static org.loyaltyrules.core.program.ProgramFixtures.VIB;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.OfferId;

class OfferTest {
  private static final LocalDateTime FROM = LocalDateTime.of(2026, 3, 14, 0, 0);
  private static final LocalDateTime UNTIL = LocalDateTime.of(2026, 3, 15, 0, 0);

  /** Starbucks' Double Star Day: twice the stars all day on 14 March. */
  private static final Offer DOUBLE_STAR_DAY = Offer.multiplier("double-star-day",
      "Double Star Day", FROM, UNTIL, STARS, new BigDecimal("2"));

  @Test
  void windowIncludesFromAndExcludesUntil() {
    assertThat(DOUBLE_STAR_DAY.isOpenAt(FROM)).isTrue();
    assertThat(DOUBLE_STAR_DAY.isOpenAt(LocalDateTime.of(2026, 3, 14, 12, 30))).isTrue();
    assertThat(DOUBLE_STAR_DAY.isOpenAt(UNTIL.minusNanos(1))).isTrue();
    assertThat(DOUBLE_STAR_DAY.isOpenAt(UNTIL)).isFalse();
    assertThat(DOUBLE_STAR_DAY.isOpenAt(FROM.minusNanos(1))).isFalse();
    assertThat(DOUBLE_STAR_DAY.isOpenAt(LocalDateTime.of(2027, 3, 14, 12, 0))).isFalse();
  }

  @Test
  void multiplierFactoryTargetsEveryone() {
    assertThat(DOUBLE_STAR_DAY.id()).isEqualTo(OfferId.of("double-star-day"));
    assertThat(DOUBLE_STAR_DAY.segments()).isEmpty();
    assertThat(DOUBLE_STAR_DAY.tiers()).isEmpty();
    assertThat(DOUBLE_STAR_DAY.bonusPoints()).isZero();
    assertThat(DOUBLE_STAR_DAY.unit()).isEqualTo(STARS);
  }

  @Test
  void targetingCopiesSortedAudience() {
    Offer targeted = DOUBLE_STAR_DAY.targeting(Set.of("students", "app-users"), Set.of(VIB, ROUGE));

    assertThat(targeted.segments()).containsExactly("app-users", "students");
    assertThat(targeted.tiers()).containsExactlyInAnyOrder(VIB, ROUGE);
    assertThat(targeted.from()).isEqualTo(FROM);
    assertThat(targeted.multiplier()).isEqualByComparingTo("2");
    assertThat(DOUBLE_STAR_DAY.segments()).as("the original is unchanged").isEmpty();
  }

  @Test
  void aBonusAloneIsAnOffer() {
    Offer bonus = new Offer(OfferId.of("first-order"), "First order bonus", FROM, UNTIL,
        Set.of(), Set.of(), STARS, BigDecimal.ONE, 50);

    assertThat(bonus.bonusPoints()).isEqualTo(50);
  }

  @Test
  void anOfferThatGivesNothingIsRejected() {
    assertThatThrownBy(() -> new Offer(OfferId.of("nothing"), "Nothing", FROM, UNTIL, Set.of(),
            Set.of(), STARS, new BigDecimal("1.00"), 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("offer nothing: gives nothing (multiplier 1, no bonus points)");
  }

  @Test
  void badPartsAreRejectedNamingThem() {
    assertThatThrownBy(() -> Offer.multiplier("dsd", "Double", FROM, FROM, STARS,
            new BigDecimal("2")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("offer dsd: until 2026-03-14T00:00 must be after from 2026-03-14T00:00");
    assertThatThrownBy(() -> Offer.multiplier("dsd", "Double", UNTIL, FROM, STARS,
            new BigDecimal("2")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("until 2026-03-14T00:00 must be after from 2026-03-15T00:00");
    assertThatThrownBy(() -> Offer.multiplier("half", "Half", FROM, UNTIL, STARS,
            new BigDecimal("0.5")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("offer half: multiplier must be at least 1, was 0.5");
    assertThatThrownBy(() -> new Offer(OfferId.of("neg"), "Negative", FROM, UNTIL, Set.of(),
            Set.of(), STARS, new BigDecimal("2"), -5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("offer neg: bonus points must not be negative, was -5");
    assertThatThrownBy(() -> DOUBLE_STAR_DAY.targeting(Set.of(" "), Set.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("offer double-star-day: segments entry must not be blank, was ' '");
    assertThatThrownBy(() -> Offer.multiplier("dsd", "Double", FROM, UNTIL, null,
            new BigDecimal("2")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("offer dsd: unit must not be null");
  }
}
