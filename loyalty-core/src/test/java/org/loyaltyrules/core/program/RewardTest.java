package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.INSIDER;
import static org.loyaltyrules.core.program.ProgramFixtures.POINTS;
import static org.loyaltyrules.core.program.ProgramFixtures.ROUGE;
import static org.loyaltyrules.core.program.ProgramFixtures.STARS;
import static org.loyaltyrules.core.program.ProgramFixtures.VIB;
import static org.loyaltyrules.core.program.ProgramFixtures.usd;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;

class RewardTest {
  private static final Reward DRINK = Reward.of("handcrafted-drink", "Handcrafted drink", STARS,
      200, RewardKind.FREE_ITEM);

  @Test
  void theKindsWithAMoneyValue() {
    assertThat(EnumSet.allOf(RewardKind.class)).filteredOn(RewardKind::hasValue)
        .containsExactlyInAnyOrder(RewardKind.DISCOUNT, RewardKind.VOUCHER, RewardKind.GIFT_CARD);
  }

  @ParameterizedTest
  @EnumSource(value = RewardKind.class, names = {"DISCOUNT", "VOUCHER", "GIFT_CARD"})
  void valuedKindsRequireAValue(RewardKind kind) {
    Reward fiveOff = Reward.worth("five-off", "$5 off", POINTS, 1000, kind, usd("5"));

    assertThat(fiveOff.value()).contains(usd("5.00"));
    assertThatThrownBy(() -> new Reward(RewardId.of("five-off"), "$5 off", POINTS, 1000, kind,
            Optional.empty(), Optional.empty(), Set.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward five-off: a value is required for kind " + kind);
  }

  @org.junit.jupiter.api.Test
  void aPercentageDiscountNeedsItsPercentage() {
    Reward tenOff = Reward.percentOff("ten-off", "10% off", POINTS, 500,
        new java.math.BigDecimal("10"));
    assertThat(tenOff.percent()).contains(new java.math.BigDecimal("10"));
    assertThat(tenOff.value()).isEmpty();
    assertThatThrownBy(() -> Reward.percentOff("r", "r", POINTS, 500,
            new java.math.BigDecimal("120")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward r: percent must be more than 0 and at most 100, was 120");
    assertThatThrownBy(() -> Reward.of("r", "r", POINTS, 500, RewardKind.PERCENT_DISCOUNT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward r: a percent is required for kind PERCENT_DISCOUNT");
  }

  @ParameterizedTest
  @EnumSource(value = RewardKind.class, names = {"FREE_ITEM", "EVENT_ACCESS", "EXPERIENCE",
      "VIRTUAL", "FREE_SHIPPING"})
  void otherKindsRejectAValue(RewardKind kind) {
    assertThat(Reward.of("perk", "Perk", POINTS, 500, kind).value()).isEmpty();
    assertThatThrownBy(() -> Reward.worth("perk", "Perk", POINTS, 500, kind, usd("5")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward perk: a value is not expected for kind " + kind);
  }

  @Test
  void badValuesAreRejectedNamingThem() {
    assertThatThrownBy(() -> Reward.worth("five-off", "$5 off", POINTS, 1000, RewardKind.DISCOUNT,
            usd("0")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward five-off: value must be positive, was USD 0.00");
    assertThatThrownBy(() -> Reward.worth("five-off", "$5 off", POINTS, 1000, RewardKind.DISCOUNT,
            null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward five-off: value must not be null");
    assertThatThrownBy(() -> Reward.of("drink", "Drink", STARS, 0, RewardKind.FREE_ITEM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward drink: cost must be positive, was 0");
    assertThatThrownBy(() -> Reward.of("drink", "Drink", STARS, -200, RewardKind.FREE_ITEM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was -200");
    assertThatThrownBy(() -> Reward.of("drink", " ", STARS, 200, RewardKind.FREE_ITEM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward drink: name must not be blank, was ' '");
    assertThatThrownBy(() -> Reward.of("drink", "Drink", STARS, 200, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reward drink: kind must not be null");
  }

  @Test
  void openToEveryoneUnlessRestricted() {
    assertThat(DRINK.tiers()).isEmpty();
    assertThat(DRINK.isOpenTo(Optional.empty())).isTrue();
    assertThat(DRINK.isOpenTo(Optional.of(INSIDER))).isTrue();

    Reward vibAndUp = DRINK.onlyFor(Set.of(VIB, ROUGE));

    assertThat(vibAndUp.isOpenTo(Optional.of(VIB))).isTrue();
    assertThat(vibAndUp.isOpenTo(Optional.of(ROUGE))).isTrue();
    assertThat(vibAndUp.isOpenTo(Optional.of(INSIDER))).isFalse();
    assertThat(vibAndUp.isOpenTo(Optional.empty())).as("a member with no tier").isFalse();
    assertThat(DRINK.tiers()).as("the original is unchanged").isEmpty();
  }

  @Test
  void restrictedTiersAreKeptSorted() {
    Reward reward = DRINK.onlyFor(Set.of(VIB, ROUGE, TierId.of("gold"), INSIDER));

    assertThat(reward.tiers()).containsExactly(TierId.of("gold"), INSIDER, ROUGE, VIB);
    assertThat(reward.toString()).contains("tiers=[gold, insider, rouge, vib]");
  }
}
