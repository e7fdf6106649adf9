package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.POINTS;
import static org.loyaltyrules.core.program.ProgramFixtures.usd;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.activity.EngagementType;

class ChallengeTest {
  private static final Grant FREE_COFFEE = Grant.reward(RewardId.of("free-coffee"));

  private static Challenge challenge(ChallengeGoal goal, String target, Set<String> categories,
      Optional<EngagementType> event) {
    return new Challenge(ChallengeId.of("c-1"), "Challenge", goal, new BigDecimal(target),
        categories, event, ChallengeWindow.NONE, FREE_COFFEE, false);
  }

  @Test
  void stampCardEveryTenthCoffeeFree() {
    Challenge card = Challenge.stampCard("coffee-card", "Coffee stamp card", 10, FREE_COFFEE);

    assertThat(card.id()).isEqualTo(ChallengeId.of("coffee-card"));
    assertThat(card.goal()).isEqualTo(ChallengeGoal.PURCHASES);
    assertThat(card.target()).isEqualTo(BigDecimal.valueOf(10));
    assertThat(card.categories()).isEmpty();
    assertThat(card.event()).isEmpty();
    assertThat(card.window()).isEqualTo(ChallengeWindow.NONE);
    assertThat(card.restarts()).isTrue();
    assertThat(card.grant()).isEqualTo(FREE_COFFEE);
  }

  @Test
  void courseBundleAndSpendAndCheckInChallenges() {
    Challenge bundle = new Challenge(ChallengeId.of("course-bundle"),
        "Buy three modules, the fourth is free", ChallengeGoal.ITEMS, BigDecimal.valueOf(3),
        Set.of("courses", "bootcamps"), Optional.empty(), ChallengeWindow.NONE,
        Grant.reward(RewardId.of("free-module")), true);
    Challenge sweetgreen = new Challenge(ChallengeId.of("spend-35"), "$5 off every $35",
        ChallengeGoal.AMOUNT, new BigDecimal("35.00"), Set.of(), Optional.empty(),
        ChallengeWindow.NONE, Grant.voucher(usd("5")), true);
    Challenge fractionalSpend = challenge(ChallengeGoal.AMOUNT, "34.99", Set.of(),
        Optional.empty());
    Challenge swarm = new Challenge(ChallengeId.of("weekly-check-ins"), "Weekly check-ins",
        ChallengeGoal.EVENTS, new BigDecimal("5.0"), Set.of(),
        Optional.of(EngagementType.CHECK_IN), ChallengeWindow.WEEK, Grant.points(POINTS, 50),
        false);

    assertThat(bundle.categories()).containsExactly("bootcamps", "courses");
    assertThat(sweetgreen.grant()).isEqualTo(new Grant.Voucher(usd("5.00")));
    assertThat(fractionalSpend.target()).isEqualByComparingTo("34.99");
    assertThat(swarm.event()).contains(EngagementType.CHECK_IN);
    assertThat(swarm.target()).as("5.0 is a whole count").isEqualByComparingTo("5");
  }

  @Test
  void aCountTargetMustBeWholeAndPositive() {
    assertThatThrownBy(() -> challenge(ChallengeGoal.PURCHASES, "2.5", Set.of(),
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-1: target must be a whole number for goal PURCHASES, was 2.5");
    assertThatThrownBy(() -> challenge(ChallengeGoal.DISTINCT_ITEMS, "0.1", Set.of(),
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("goal DISTINCT_ITEMS, was 0.1");
    assertThatThrownBy(() -> challenge(ChallengeGoal.AMOUNT, "0", Set.of(), Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-1: target must be positive, was 0");
    assertThatThrownBy(() -> Challenge.stampCard("card", "Card", -10, FREE_COFFEE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge card: target must be positive, was -10");
  }

  @Test
  void anEventTypeIsRequiredExactlyForEventGoals() {
    assertThatThrownBy(() -> challenge(ChallengeGoal.EVENTS, "5", Set.of(), Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-1: an event type is required for goal EVENTS");
    assertThatThrownBy(() -> challenge(ChallengeGoal.PURCHASES, "5", Set.of(),
            Optional.of(EngagementType.CHECK_IN)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-1: an event type is not expected for goal PURCHASES");
    assertThatThrownBy(() -> challenge(ChallengeGoal.EVENTS, "5", Set.of("coffee"),
            Optional.of(EngagementType.CHECK_IN)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-1: categories do not apply to goal EVENTS");
  }

  @Test
  void otherPartsAreCheckedNamingTheChallenge() {
    assertThatThrownBy(() -> challenge(ChallengeGoal.ITEMS, "3", Set.of("courses", ""),
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-1: categories entry must not be blank, was ''");
    assertThatThrownBy(() -> new Challenge(ChallengeId.of("c-2"), "No window",
            ChallengeGoal.PURCHASES, BigDecimal.TEN, Set.of(), Optional.empty(), null,
            FREE_COFFEE, true))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-2: window must not be null");
    assertThatThrownBy(() -> Challenge.stampCard("c-3", "No grant", 10, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-3: grant must not be null");
    assertThatThrownBy(() -> Challenge.stampCard("c-4", "\t", 10, FREE_COFFEE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge c-4: name must not be blank, was '\t'");
  }

  @Test
  void grantsValidateTheirParts() {
    assertThat(Grant.points(POINTS, 50)).isEqualTo(new Grant.Points(POINTS, 50));
    assertThat(Grant.voucher(usd("5"))).isEqualTo(new Grant.Voucher(usd("5.00")));
    assertThatThrownBy(() -> Grant.points(POINTS, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("granted points must be positive, was 0");
    assertThatThrownBy(() -> Grant.points(null, 50))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("granted unit must not be null");
    assertThatThrownBy(() -> Grant.voucher(usd("-5")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("voucher value must be positive, was USD -5.00");
    assertThatThrownBy(() -> Grant.reward(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("granted reward must not be null");
  }
}
