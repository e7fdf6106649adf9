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
    assertThat(card.grant()).contains(FREE_COFFEE);
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
    assertThat(sweetgreen.grant()).contains(new Grant.Voucher(usd("5.00")));
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

  @Test
  void streaksCampaignsAndEventAttributesAreChecked() {
    Challenge checkIns = Challenge.events("check-ins", "Check in", EngagementType.CHECK_IN, 3,
        FREE_COFFEE).withAttributes(java.util.Map.of("participating", "yes"))
        .inWindow(ChallengeWindow.WEEK).withStreak(2);
    assertThat(checkIns.streak()).isEqualTo(2);
    assertThat(checkIns.attributes()).containsEntry("participating", "yes");
    assertThatThrownBy(() -> Challenge.stampCard("card", "Card", 10, FREE_COFFEE).withStreak(3))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge card: a streak of 3 needs a DAY, WEEK or MONTH window, was NONE");
    assertThatThrownBy(() -> checkIns.withStreak(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge check-ins: streak must be between 1 and 366 windows, was 0");
    assertThatThrownBy(() -> Challenge.stampCard("card", "Card", 10, FREE_COFFEE)
            .inWindow(ChallengeWindow.CAMPAIGN))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge card: a CAMPAIGN window needs the dates the challenge runs");
    assertThatThrownBy(() -> Challenge.stampCard("card", "Card", 10, FREE_COFFEE)
            .withAttributes(java.util.Map.of("place", "x")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("challenge card: attributes apply to event goals only, not to goal PURCHASES");
    Challenge campaign = Challenge.stampCard("spring", "Spring", 5, FREE_COFFEE)
        .running(org.loyaltyrules.core.rule.TimeWindow.days(java.time.LocalDate.of(2026, 3, 1),
            java.time.LocalDate.of(2026, 5, 31)))
        .inWindow(ChallengeWindow.CAMPAIGN).withoutGrant();
    assertThat(campaign.grant()).isEmpty();
    assertThat(campaign.runs()).isPresent();
  }

  @Test
  void badgesHaveRisingLevelsAndTheirMetricsParts() {
    Badge regular = Badge.forEvents("regular", "Regular", EngagementType.CHECK_IN,
        java.util.List.of(BadgeLevel.of("Regular", 5), BadgeLevel.of("Local", 25)));
    assertThat(regular.levelFor(BigDecimal.valueOf(4))).isZero();
    assertThat(regular.levelFor(BigDecimal.valueOf(5))).isEqualTo(1);
    assertThat(regular.levelFor(BigDecimal.valueOf(100))).isEqualTo(2);
    assertThatThrownBy(() -> Badge.forEvents("b", "B", EngagementType.CHECK_IN,
            java.util.List.of(BadgeLevel.of("One", 5), BadgeLevel.of("Two", 5))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("badge b: level Two's threshold 5 must be above the level before it (5)");
    assertThatThrownBy(() -> Badge.forThreshold("b", "B", BadgeMetric.PURCHASES,
            java.util.List.of(new BadgeLevel("One", new BigDecimal("2.5")))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("badge b: level One's threshold must be a whole number for metric PURCHASES, "
            + "was 2.5");
    assertThatThrownBy(() -> Badge.forThreshold("b", "B", BadgeMetric.EVENTS,
            java.util.List.of(BadgeLevel.of("One", 1))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("badge b: an event type is required for metric EVENTS");
    assertThatThrownBy(() -> Badge.forThreshold("b", "B", BadgeMetric.SPEND, java.util.List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("badge b: needs at least one level");
    assertThatThrownBy(() -> regular.lasting(java.time.Period.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("badge regular: validity must be positive, was P0D");
  }
}
