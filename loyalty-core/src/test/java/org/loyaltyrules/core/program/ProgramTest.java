package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.loyaltyrules.core.program.ProgramFixtures.INSIDER;
import static org.loyaltyrules.core.program.ProgramFixtures.LOS_ANGELES;
import static org.loyaltyrules.core.program.ProgramFixtures.MILES;
import static org.loyaltyrules.core.program.ProgramFixtures.POINTS;
import static org.loyaltyrules.core.program.ProgramFixtures.ROUGE;
import static org.loyaltyrules.core.program.ProgramFixtures.STARS;
import static org.loyaltyrules.core.program.ProgramFixtures.TIER_POINTS;
import static org.loyaltyrules.core.program.ProgramFixtures.USD;
import static org.loyaltyrules.core.program.ProgramFixtures.VIB;
import static org.loyaltyrules.core.program.ProgramFixtures.sephoraLadder;
import static org.loyaltyrules.core.program.ProgramFixtures.usd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.OfferId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.ledger.LedgerPolicy;

class ProgramTest {
  private static final LocalDateTime PI_DAY = LocalDateTime.of(2026, 3, 14, 0, 0);

  private static Program.Builder builder(String id) {
    return Program.builder(ProgramId.of(id), USD, LOS_ANGELES);
  }

  // ---------------------------------------------------------------- the six program types

  @Test
  void pointsProgramStarbucks() {
    Program starbucks = builder("starbucks-rewards")
        .name("Starbucks Rewards")
        .unit(PointUnit.redeemable("stars", "Stars"))
        .reward(Reward.of("handcrafted-drink", "Handcrafted drink", STARS, 200,
            RewardKind.FREE_ITEM))
        .offer(Offer.multiplier("double-star-day", "Double Star Day", PI_DAY,
            PI_DAY.plusDays(1), STARS, new BigDecimal("2")))
        .build();

    assertThat(starbucks.id()).isEqualTo(ProgramId.of("starbucks-rewards"));
    assertThat(starbucks.name()).isEqualTo("Starbucks Rewards");
    assertThat(starbucks.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(starbucks.zone()).isEqualTo(LOS_ANGELES);
    assertThat(starbucks.activityHorizon()).isEqualTo(Duration.ofDays(400))
        .isEqualTo(Program.DEFAULT_ACTIVITY_HORIZON);
    assertThat(starbucks.pointRounding()).isEqualTo(RoundingMode.FLOOR);
    assertThat(starbucks.units()).containsOnlyKeys(STARS);
    assertThat(starbucks.unit(STARS).isRedeemable()).isTrue();
    Reward drink = starbucks.reward(RewardId.of("handcrafted-drink"));
    assertThat(drink.cost()).isEqualTo(200);
    assertThat(drink.unit()).isEqualTo(STARS);
    assertThat(drink.value()).isEmpty();
    assertThat(starbucks.offers().get(OfferId.of("double-star-day")).multiplier())
        .isEqualByComparingTo("2");
    assertThat(starbucks.tiers()).isEmpty();
    assertThat(starbucks.plans()).isEmpty();
    assertThat(starbucks.partners()).isEmpty();
    assertThat(starbucks.causes()).isEmpty();
    assertThat(starbucks.challenges()).isEmpty();
  }

  @Test
  void nameDefaultsToTheId() {
    Program program = builder("odacite").unit(PointUnit.redeemable("points", "Points")).build();

    assertThat(program.name()).isEqualTo("odacite");
  }

  @Test
  void tieredProgramSephora() {
    Reward rougeOnly = Reward.of("rouge-kit", "Rouge deluxe kit", POINTS, 2500,
        RewardKind.FREE_ITEM).onlyFor(Set.of(ROUGE));
    Program sephora = builder("sephora-beauty-insider")
        .unit(PointUnit.redeemable("points", "Points"))
        .tiers(sephoraLadder())
        .reward(Reward.of("mini", "Deluxe sample", POINTS, 100, RewardKind.FREE_ITEM))
        .reward(rougeOnly)
        .build();

    TierLadder ladder = sephora.tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.SPEND);
    assertThat(ladder.window()).isEqualTo(QualificationWindow.calendarYear());
    assertThat(ladder.statusUnit()).isEmpty();
    assertThat(ladder.tiers()).extracting(Tier::id).containsExactly(INSIDER, VIB, ROUGE);
    assertThat(ladder.tiers()).extracting(t -> t.threshold().toPlainString())
        .containsExactly("0", "350", "1000");
    assertThat(ladder.base().id()).isEqualTo(INSIDER);
    assertThat(sephora.reward(RewardId.of("rouge-kit")).isOpenTo(Optional.of(ROUGE))).isTrue();
    assertThat(sephora.reward(RewardId.of("rouge-kit")).isOpenTo(Optional.of(VIB))).isFalse();
    assertThat(sephora.rewards().keySet()).extracting(RewardId::value)
        .containsExactly("mini", "rouge-kit");
  }

  @Test
  void paidProgramsPrimeAndRei() {
    Program program = builder("paid")
        .unit(PointUnit.redeemable("points", "Points"))
        .plan(MembershipPlan.recurring("prime", "Amazon Prime", usd("139"), Period.ofYears(1),
            Set.of("free-two-day-shipping")))
        .plan(MembershipPlan.lifetime("rei-coop", "REI Co-op", usd("20"),
            Set.of("member-sales", "discounted-classes")))
        .build();

    assertThat(program.plans().keySet()).containsExactly(PlanId.of("prime"),
        PlanId.of("rei-coop"));
    MembershipPlan prime = program.plans().get(PlanId.of("prime"));
    assertThat(prime.fee()).isEqualTo(usd("139.00"));
    assertThat(prime.fee().toString()).isEqualTo("USD 139.00");
    assertThat(prime.term()).contains(Period.ofYears(1));
    assertThat(prime.isLifetime()).isFalse();
    MembershipPlan rei = program.plans().get(PlanId.of("rei-coop"));
    assertThat(rei.fee()).isEqualTo(usd("20.00"));
    assertThat(rei.isLifetime()).isTrue();
    assertThat(rei.perks()).containsExactly("discounted-classes", "member-sales");
  }

  @Test
  void valueBasedProgramsTomsAndPetSmart() {
    Program program = builder("giving")
        .unit(PointUnit.redeemable("points", "Points"))
        .reward(Reward.worth("one-dollar-off", "$1 off", POINTS, 100, RewardKind.DISCOUNT,
            usd("1")))
        .cause(Cause.of("toms-giving-fund", "TOMS giving fund", usd("0.01")))
        .cause(Cause.of("petsmart-charities", "PetSmart Charities", usd("0.005")))
        .build();

    Cause toms = program.causes().get(CauseId.of("toms-giving-fund"));
    assertThat(toms.valueOf(500)).isEqualTo(usd("5.00"));
    assertThat(toms.valueOf(1)).isEqualTo(usd("0.01"));
    assertThat(toms.valueOf(100)).as("one-to-one with the $1-off reward")
        .isEqualTo(program.reward(RewardId.of("one-dollar-off")).value().orElseThrow());
    Cause petSmart = program.causes().get(CauseId.of("petsmart-charities"));
    assertThat(petSmart.valueOf(1000)).as("1,000 points = $5").isEqualTo(usd("5.00"));
    assertThat(petSmart.valueOf(333).amount()).as("a fraction of a cent is kept exactly")
        .isEqualTo(new BigDecimal("1.665"));
    assertThat(petSmart.valueOf(333).toString()).isEqualTo("USD 1.665");
  }

  @Test
  void coalitionProgramOfPartners() {
    Program coalition = builder("pet-coalition")
        .unit(PointUnit.redeemable("points", "Points"))
        .partner(Partner.of("kibble-co", "Kibble Co dog food", usd("0.005")))
        .partner(Partner.of("city-vet", "City Vet", usd("0.01")))
        .partner(Partner.of("groom-room", "Groom Room", usd("0.0125")))
        .build();

    assertThat(coalition.partners().keySet()).extracting(PartnerId::value)
        .containsExactly("kibble-co", "city-vet", "groom-room");
    assertThat(coalition.partners().get(PartnerId.of("groom-room")).fundingCost().amount())
        .isEqualTo(new BigDecimal("0.0125"));
  }

  @Test
  void gamifiedProgramWithAStampCardAndACheckInChallenge() {
    Challenge stampCard = Challenge.stampCard("coffee-card", "Coffee stamp card", 10,
        Grant.reward(RewardId.of("free-coffee")));
    Challenge checkIns = new Challenge(ChallengeId.of("weekly-check-ins"), "Weekly check-ins",
        ChallengeGoal.EVENTS, BigDecimal.valueOf(5), Set.of(),
        Optional.of(EngagementType.CHECK_IN), ChallengeWindow.WEEK, Grant.points(POINTS, 50),
        false);
    Program gamified = builder("coffee-club")
        .unit(PointUnit.redeemable("points", "Points"))
        .reward(Reward.of("free-coffee", "Free coffee", POINTS, 150, RewardKind.FREE_ITEM))
        .challenge(stampCard)
        .challenge(checkIns)
        .build();

    assertThat(gamified.challenges().keySet()).extracting(ChallengeId::value)
        .containsExactly("coffee-card", "weekly-check-ins");
    Challenge card = gamified.challenges().get(ChallengeId.of("coffee-card"));
    assertThat(card.goal()).isEqualTo(ChallengeGoal.PURCHASES);
    assertThat(card.target()).isEqualByComparingTo("10");
    assertThat(card.restarts()).isTrue();
    assertThat(card.grant()).contains(new Grant.FreeReward(RewardId.of("free-coffee")));
  }

  @Test
  void mixedProgramCombinesEveryType() {
    Program united = builder("mileageplus")
        .name("MileagePlus")
        .activityHorizon(Duration.ofDays(120))
        .pointRounding(RoundingMode.HALF_UP)
        .unit(PointUnit.redeemable("miles", "Miles"))
        .unit(PointUnit.statusOnly("tier-points", "Premier qualifying points"))
        .tiers(TierLadder.onStatusPoints(TIER_POINTS, QualificationWindow.calendarYear(), List.of(
            Tier.of("member", "Member", 0),
            Tier.of("silver", "Premier Silver", 5000)
                .withEarnMultiplier(new BigDecimal("1.4")),
            Tier.of("gold", "Premier Gold", 10000).withPerks(Set.of("free-checked-bag")))))
        .reward(Reward.worth("hotel-night", "Partner hotel night", MILES, 25000,
            RewardKind.VOUCHER, usd("150")).onlyFor(Set.of(TierId.of("gold"))))
        .offer(Offer.multiplier("double-miles", "Double miles", PI_DAY, PI_DAY.plusDays(7),
            MILES, new BigDecimal("2")).targeting(Set.of("students"), Set.of(TierId.of("silver"))))
        .plan(new MembershipPlan(PlanId.of("explorer-card"), "Explorer card", usd("95"),
            Optional.of(Period.ofYears(1)), Set.of("free-checked-bag", "priority-boarding"),
            new BigDecimal("2")))
        .partner(Partner.of("marriott", "Partner hotel", usd("0.008")))
        .cause(Cause.of("miles-on-a-mission", "Miles on a Mission", usd("0.01")))
        .challenge(Challenge.stampCard("five-flights", "Five flights", 5,
            Grant.points(TIER_POINTS, 500)))
        .build();

    assertThat(united.units().keySet()).containsExactly(MILES, TIER_POINTS);
    assertThat(united.tiers().orElseThrow().statusUnit()).contains(TIER_POINTS);
    assertThat(united.rewards()).hasSize(1);
    assertThat(united.offers()).hasSize(1);
    assertThat(united.plans().get(PlanId.of("explorer-card")).earnMultiplier())
        .isEqualByComparingTo("2");
    assertThat(united.partners()).hasSize(1);
    assertThat(united.causes()).hasSize(1);
    assertThat(united.challenges()).hasSize(1);
    assertThat(united.activityHorizon()).isEqualTo(Duration.ofDays(120));
    assertThat(united.pointRounding()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(united.toString()).isEqualTo("Program[mileageplus, USD, America/Los_Angeles, "
        + "units [miles, tier-points], 3 tiers, 1 rewards, 1 offers, 1 plans, 1 partners, "
        + "1 causes, 1 challenges]");
  }

  // ---------------------------------------------------------------- build() problems

  @Test
  void buildReportsEveryProblemAtOnceWithItsPath() {
    Program.Builder broken = builder("broken")
        .unit(PointUnit.redeemable("points", "Points"))
        .unit(PointUnit.statusOnly("tier-points", "Tier points"))
        .unit(PointUnit.redeemable("points", "Points again"))
        .tiers(sephoraLadder())
        .reward(Reward.of("mystery", "Mystery box", UnitId.of("gems"), 100, RewardKind.FREE_ITEM))
        .reward(Reward.of("status-bag", "Status bag", TIER_POINTS, 500, RewardKind.FREE_ITEM))
        .reward(Reward.worth("euro-off", "EUR 5 off", POINTS, 500, RewardKind.DISCOUNT,
            Money.of("5", "EUR")))
        .reward(Reward.of("platinum-gift", "Platinum gift", POINTS, 2000, RewardKind.FREE_ITEM)
            .onlyFor(Set.of(TierId.of("platinum"))))
        .reward(Reward.of("euro-off", "Same id again", POINTS, 100, RewardKind.FREE_ITEM))
        .offer(Offer.multiplier("diamond-days", "Diamond days", PI_DAY, PI_DAY.plusDays(2),
            POINTS, new BigDecimal("3")).targeting(Set.of(), Set.of(TierId.of("diamond"))))
        .plan(MembershipPlan.recurring("prime-eu", "Prime EU", Money.of("69.90", "EUR"),
            Period.ofYears(1), Set.of("free-shipping")))
        .partner(Partner.of("kibble-co", "Kibble Co", Money.of("0.005", "GBP")))
        .cause(Cause.of("fund", "Giving fund", Money.of("0.01", "CAD")))
        .challenge(Challenge.stampCard("coffee-card", "Coffee card", 10,
            Grant.reward(RewardId.of("free-coffee"))))
        .challenge(Challenge.stampCard("stamp-card", "Stamp card", 10,
            Grant.points(UnitId.of("stamps"), 1)))
        .challenge(Challenge.stampCard("sweet-card", "Sweet card", 7,
            Grant.voucher(Money.of("5", "EUR"))));

    InvalidProgramException e = catchThrowableOfType(InvalidProgramException.class,
        broken::build);

    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::path).containsExactly(
        "units[2].id",
        "rewards[4].id",
        "rewards[0].unit",
        "rewards[1].unit",
        "rewards[2].value",
        "rewards[3].tiers[0]",
        "offers[0].tiers[0]",
        "plans[0].fee",
        "partners[0].fundingCost",
        "causes[0].pointValue",
        "challenges[0].grant.reward",
        "challenges[1].grant.unit",
        "challenges[2].grant.value");
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "'points' is already used by units[0]",
        "'euro-off' is already used by rewards[2]",
        "unknown unit 'gems'; the program's units are [points, tier-points]",
        "unit 'tier-points' is status-only and cannot pay for a reward",
        "currency must be USD, was EUR (EUR 5.00)",
        "unknown tier 'platinum'; the program's tiers are [insider, vib, rouge]",
        "unknown tier 'diamond'; the program's tiers are [insider, vib, rouge]",
        "currency must be USD, was EUR (EUR 69.90)",
        "currency must be USD, was GBP (GBP 0.005)",
        "currency must be USD, was CAD (CAD 0.01)",
        "unknown reward 'free-coffee'; the catalogue has [mystery, status-bag, euro-off, "
            + "platinum-gift]",
        "unknown unit 'stamps'; the program's units are [points, tier-points]",
        "currency must be USD, was EUR (EUR 5.00)");
    assertThat(e).hasMessageStartingWith("program broken has 13 problems:\n  units[2].id: ")
        .hasMessageContaining("\n  rewards[2].value: currency must be USD, was EUR (EUR 5.00)")
        .hasMessageContaining("\n  challenges[0].grant.reward: unknown reward 'free-coffee'");
  }

  @Test
  void tierPathsIndexTheRewardsTiersInSortedOrder() {
    Program.Builder builder = builder("sephora")
        .unit(PointUnit.redeemable("points", "Points"))
        .tiers(sephoraLadder())
        .reward(Reward.of("gift", "Gift", POINTS, 500, RewardKind.FREE_ITEM)
            .onlyFor(Set.of(VIB, TierId.of("platinum"), ROUGE, TierId.of("diamond"))));

    assertThatThrownBy(builder::build)
        .isExactlyInstanceOf(InvalidProgramException.class)
        .satisfies(t -> assertThat(((InvalidProgramException) t).problems())
            .containsExactly(
                new Problem("rewards[0].tiers[0]",
                    "unknown tier 'diamond'; the program's tiers are [insider, vib, rouge]"),
                new Problem("rewards[0].tiers[1]",
                    "unknown tier 'platinum'; the program's tiers are [insider, vib, rouge]")));
  }

  @Test
  void aPendingPeriodNotShorterThanTheExpiryIsAProblem() {
    assertThatThrownBy(() -> builder("p")
            .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(30))
                .withExpiry(ExpiryPolicy.afterPeriod(Period.ofMonths(1))))
            .build())
        .isExactlyInstanceOf(InvalidProgramException.class)
        .satisfies(e -> assertThat(((InvalidProgramException) e).problems()).containsExactly(
            new Problem("units[0].pendingPeriod", "pending period P30D is not always shorter "
                + "than the expiry after P1M, so points could expire before members can spend "
                + "them")));
    assertThat(builder("p")
        .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(27))
            .withExpiry(ExpiryPolicy.afterPeriod(Period.ofMonths(1))))
        .build().units()).hasSize(1);
  }

  @Test
  void aPendingPeriodLongerThanTheHorizonIsAProblem() {
    assertThatThrownBy(() -> builder("p").activityHorizon(Duration.ofDays(20))
            .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(30)))
            .build())
        .isExactlyInstanceOf(InvalidProgramException.class)
        .satisfies(e -> assertThat(((InvalidProgramException) e).problems())
            .extracting(Problem::path).containsExactly("units[0].pendingPeriod"))
        .hasMessageContaining("pending period P30D is longer than the activity horizon of 20 "
            + "days");
    assertThat(builder("p").activityHorizon(Duration.ofDays(30))
        .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(30)))
        .build().activityHorizon()).as("equal is fine").isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aProgramNeedsAPointUnit() {
    assertThatThrownBy(() -> builder("empty").build())
        .isExactlyInstanceOf(InvalidProgramException.class)
        .hasMessage("program empty has 1 problem:\n"
            + "  units: a program needs at least one point unit")
        .satisfies(t -> assertThat(((InvalidProgramException) t).problems())
            .containsExactly(new Problem("units", "a program needs at least one point unit")));
  }

  @Test
  void tierNamedWithoutATierLadderAndUnknownStatusUnit() {
    Program.Builder noTiers = builder("no-tiers")
        .unit(PointUnit.redeemable("points", "Points"))
        .reward(Reward.of("gift", "Gift", POINTS, 500, RewardKind.FREE_ITEM)
            .onlyFor(Set.of(VIB)));

    assertThatThrownBy(noTiers::build)
        .isExactlyInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("rewards[0].tiers[0]: tier 'vib' named but the program has no tiers");

    Program.Builder virgin = builder("flying-club")
        .unit(PointUnit.redeemable("miles", "Miles"))
        .tiers(TierLadder.onStatusPoints(TIER_POINTS, QualificationWindow.rollingMonths(12),
            List.of(Tier.of("red", "Red", 0), Tier.of("silver", "Silver", 400),
                Tier.of("gold", "Gold", 1000))));

    assertThatThrownBy(virgin::build)
        .isExactlyInstanceOf(InvalidProgramException.class)
        .satisfies(t -> assertThat(((InvalidProgramException) t).problems())
            .containsExactly(new Problem("tiers.statusUnit",
                "unknown unit 'tier-points'; the program's units are [miles]")));
  }

  @Test
  void aStatusOnlyUnitMayStillBeGrantedByAChallenge() {
    Program program = builder("virgin")
        .unit(PointUnit.redeemable("miles", "Miles"))
        .unit(PointUnit.statusOnly("tier-points", "Tier points"))
        .challenge(Challenge.stampCard("four-flights", "Four flights", 4,
            Grant.points(TIER_POINTS, 100)))
        .build();

    assertThat(program.unit(TIER_POINTS).isRedeemable()).isFalse();
    assertThat(program.challenges()).hasSize(1);
  }

  // ---------------------------------------------------------------- derived and lookups

  @Test
  void ledgerPolicyIsDerivedFromUnitsZoneAndHorizon() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    PointUnit miles = PointUnit.redeemable("miles", "Miles")
        .withExpiry(ExpiryPolicy.atEndOf(CalendarPeriod.YEAR, 2))
        .withShortfall(ShortfallPolicy.ALLOW_NEGATIVE);
    PointUnit tierPoints = PointUnit.statusOnly("tier-points", "Tier points");
    Program program = Program.builder(ProgramId.of("jp"), Money.currency("JPY"), tokyo)
        .activityHorizon(Duration.ofDays(90))
        .unit(miles)
        .unit(tierPoints)
        .build();

    LedgerPolicy policy = program.ledgerPolicy();

    assertThat(policy.zone()).isEqualTo(tokyo);
    assertThat(policy.activityHorizon()).isEqualTo(Duration.ofDays(90));
    assertThat(policy.units().keySet()).containsExactly(MILES, TIER_POINTS);
    assertThat(policy.units()).isEqualTo(program.units());
    assertThat(policy.unit(MILES)).isSameAs(miles);
    assertThat(policy).isEqualTo(LedgerPolicy.of(tokyo, Duration.ofDays(90),
        List.of(miles, tierPoints)));
  }

  @Test
  void lookupOfAnUnknownIdNamesItAndWhatTheProgramHas() {
    Program starbucks = builder("starbucks")
        .unit(PointUnit.redeemable("stars", "Stars"))
        .reward(Reward.of("handcrafted-drink", "Handcrafted drink", STARS, 200,
            RewardKind.FREE_ITEM))
        .build();

    assertThatThrownBy(() -> starbucks.unit(UnitId.of("miles")))
        .isExactlyInstanceOf(UnknownReferenceException.class)
        .hasMessage("unknown unit 'miles' in program starbucks (it has [stars])");
    assertThatThrownBy(() -> starbucks.reward(RewardId.of("free-latte")))
        .isExactlyInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("'free-latte'")
        .hasMessageContaining("[handcrafted-drink]");
    assertThatThrownBy(() -> starbucks.unit(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit id must not be null");
  }

  @Test
  void programIsImmutableAndIndependentOfItsBuilder() {
    Program.Builder builder = builder("starbucks").unit(PointUnit.redeemable("stars", "Stars"));
    Program first = builder.build();

    builder.reward(Reward.of("handcrafted-drink", "Handcrafted drink", STARS, 200,
        RewardKind.FREE_ITEM));
    Program second = builder.build();

    assertThat(first.rewards()).isEmpty();
    assertThat(second.rewards()).hasSize(1);
    assertThat(first).isNotEqualTo(second);
    assertThatThrownBy(() -> first.units().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalPartsGiveEqualPrograms() {
    Program a = builder("sephora").unit(PointUnit.redeemable("points", "Points"))
        .tiers(sephoraLadder()).build();
    Program b = builder("sephora").unit(PointUnit.redeemable("points", "Points"))
        .tiers(sephoraLadder()).build();
    Program renamed = builder("sephora").name("Sephora")
        .unit(PointUnit.redeemable("points", "Points")).tiers(sephoraLadder()).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(renamed);
  }

  // ---------------------------------------------------------------- builder setters

  @Test
  void builderSettersRejectBadValuesNamingThem() {
    assertThatThrownBy(() -> builder("p").activityHorizon(Duration.ZERO))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program p: activity horizon must be positive and at most PT878400H, was PT0S");
    assertThatThrownBy(() -> builder("p").activityHorizon(Duration.ofDays(36_601)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was PT878424H");
    assertThatThrownBy(() -> builder("p").activityHorizon(Duration.ofDays(-1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was PT-24H");
    assertThatThrownBy(() -> builder("p").pointRounding(RoundingMode.UNNECESSARY))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("point rounding must say how to round, was UNNECESSARY");
    assertThatThrownBy(() -> builder("p").name(" "))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program p: name must not be blank, was ' '");
    assertThatThrownBy(() -> builder("p").unit(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program p: units[0] must not be null");
    assertThatThrownBy(() -> builder("p").unit(PointUnit.redeemable("points", "Points"))
            .reward(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program p: rewards[0] must not be null");
    assertThatThrownBy(() -> Program.builder(ProgramId.of("p"), Money.currency("XXX"),
            LOS_ANGELES))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XXX");
    assertThatThrownBy(() -> Program.builder(ProgramId.of("p"), USD, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program p: zone must not be null");
  }

  @Test
  void problemAndExceptionParts() {
    Problem problem = new Problem("rewards[2].unit", "unknown unit 'gems'");

    assertThat(problem).hasToString("rewards[2].unit: unknown unit 'gems'");
    assertThatThrownBy(() -> new Problem(" ", "bad"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("problem path must not be blank, was ' '");
    assertThatThrownBy(() -> new Problem("units", ""))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("problem message must not be blank, was ''");
    InvalidProgramException e = new InvalidProgramException("p", List.of(problem,
        new Problem("units", "none")));
    assertThat(e).hasMessage("program p has 2 problems:\n  rewards[2].unit: unknown unit "
        + "'gems'\n  units: none");
    assertThatThrownBy(() -> e.problems().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
