package org.loyaltyrules.rules.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.simulation.SimulationResult.PointTotals;
import org.loyaltyrules.rules.simulation.SimulationResult.Sample;

/** The simulator on cases small enough to count by hand, and its contract. */
class SimulationTest {
  private static final UnitId POINTS = UnitId.of("points");
  /** A Monday, so the ten days below hold no month end and one Monday after the start. */
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

  private final CompiledProgram twoPerDollar = Fixtures.compile(Fixtures.TWO_PER_DOLLAR);

  @Test
  void oneMemberComingEveryDayEarnsTwoPointsPerDollarOnEachVisit() {
    SimulationResult r = Simulation.run(twoPerDollar, Fixtures.quiet(), MONDAY, 10, 1L);

    assertThat(r.errors()).isEmpty();
    assertThat(r.totals().members()).isEqualTo(1);
    assertThat(r.totals().memberVisits()).isEqualTo(10);
    assertThat(r.totals().nonMemberVisits()).isZero();
    assertThat(r.totals().memberRevenue()).isEqualTo(Money.of("100.00", "USD"));
    assertThat(r.totals().decisions()).isEqualTo(10);
    assertThat(r.totals().advances()).isEqualTo(1); // the end of the run only
    PointTotals points = r.points().get(POINTS);
    assertThat(points.issued()).isEqualTo(200);
    assertThat(points.spent()).isZero();
    assertThat(points.outstanding()).isEqualTo(200);
    assertThat(r.samples()).extracting(Sample::day).containsExactly(0, 7, 10);
    assertThat(r.samples()).extracting(s -> s.liability().get(POINTS))
        .containsExactly(0L, 140L, 200L);
    assertThat(r.samples()).extracting(Sample::date)
        .containsExactly(MONDAY, MONDAY.plusDays(7), MONDAY.plusDays(10));
    assertThat(r.samples().get(2).at()).isEqualTo(r.end());
    assertThat(r.members()).singleElement()
        .satisfies(m -> assertThat(m.available(POINTS)).isEqualTo(200));
    assertThat(r.customers()).singleElement().satisfies(c -> {
      assertThat(c.member()).isTrue();
      assertThat(c.visits()).isEqualTo(10);
      assertThat(c.memberSpend()).isEqualTo(Money.of("100.00", "USD"));
      assertThat(c.churnedOn()).isEmpty();
    });
  }

  @Test
  void aMemberWhoCanAffordTheRewardRedeemsItAfterTheVisit() {
    Population always = Fixtures.quiet().withRedemption(10_000, Population.BurnChoice.RANDOM);

    SimulationResult r = Simulation.run(twoPerDollar, always, MONDAY, 10, 1L);

    // 20 points a visit: 100 after the 5th and after the 10th, each time spent on the coffee.
    assertThat(r.errors()).isEmpty();
    assertThat(r.totals().decisions()).isEqualTo(12);
    assertThat(r.totals().rewardsRedeemed()).isEqualTo(2);
    assertThat(r.rewardsRedeemed()).containsExactly(Map.entry(RewardId.of("coffee"), 2L));
    PointTotals points = r.points().get(POINTS);
    assertThat(points.issued()).isEqualTo(200);
    assertThat(points.redeemed()).isEqualTo(200);
    assertThat(points.outstanding()).isZero();
    assertThat(r.samples()).extracting(s -> s.liability().get(POINTS))
        .containsExactly(0L, 40L, 0L);
    assertThat(r.samples()).extracting(s -> s.spent().get(POINTS))
        .containsExactly(0L, 100L, 200L);
    assertThat(r.customers().get(0).spentPoints()).isTrue();
  }

  @Test
  void nonMembersBuyButAreNeverDecided() {
    Population nobody = Fixtures.quiet().withEnrolment(0, Population.Enrolment.AT_FIRST_VISIT);

    SimulationResult r = Simulation.run(twoPerDollar, nobody, MONDAY, 10, 1L);

    assertThat(r.totals().members()).isZero();
    assertThat(r.totals().decisions()).isZero();
    assertThat(r.totals().nonMemberVisits()).isEqualTo(10);
    assertThat(r.totals().nonMemberRevenue()).isEqualTo(Money.of("100.00", "USD"));
    assertThat(r.totals().memberRevenue()).isEqualTo(Money.of("0.00", "USD"));
    assertThat(r.members()).isEmpty();
    assertThat(r.customers().get(0).member()).isFalse();
    assertThat(r.points().get(POINTS).issued()).isZero();
  }

  @Test
  void aMemberWhoEnrolsLaterBuysAsANonMemberFirst() {
    Population later = Fixtures.quiet().withEnrolment(10_000, Population.Enrolment.DAILY_CHANCE)
        .withDailyEnrolment(2_000);

    SimulationResult r = Simulation.run(twoPerDollar, later, MONDAY, 60, 3L);

    SimulationResult.CustomerRecord c = r.customers().get(0);
    assertThat(c.member()).isTrue();
    assertThat(c.enrolledAt().get()).isAfter(c.firstVisit().get());
    assertThat(r.totals().nonMemberVisits()).isPositive();
    assertThat(r.totals().visits()).isEqualTo(60);
    assertThat(r.points().get(POINTS).issued()).isEqualTo(20L * c.memberVisits());
  }

  @Test
  void theTierDistributionIsTakenAtEachMonthEndAndAtTheEnd() {
    CompiledProgram sephora = Fixtures.resource("sephora.program.yaml");

    SimulationResult r = Simulation.run(sephora, Fixtures.quiet(), LocalDate.of(2026, 1, 1), 90,
        1L);

    // $10 a day: $310 by January 31 (Insider), $590 by February 28 and $900 by March 31 (VIB).
    assertThat(r.tierDistribution()).extracting(SimulationResult.TierSnapshot::date)
        .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 3, 31));
    assertThat(r.tierDistribution().get(0).members()).containsExactly(
        Map.entry(TierId.of("insider"), 1L), Map.entry(TierId.of("vib"), 0L),
        Map.entry(TierId.of("rouge"), 0L));
    assertThat(r.tierDistribution().get(1).members().get(TierId.of("vib"))).isEqualTo(1L);
    assertThat(r.tierDistribution().get(2).members().get(TierId.of("vib"))).isEqualTo(1L);
    assertThat(r.totals().advances()).isEqualTo(3); // February 1, March 1 and the end
  }

  @Test
  void aProgramWithoutTiersHasNoDistribution() {
    assertThat(Simulation.run(twoPerDollar, Fixtures.quiet(), MONDAY, 40, 1L).tierDistribution())
        .isEmpty();
  }

  @Test
  void pointsExpireAndVestAsTheyWouldForAHost() {
    CompiledProgram expiring = Fixtures.compile(Fixtures.EXPIRING);

    SimulationResult r = Simulation.run(expiring, Fixtures.quiet(), LocalDate.of(2026, 3, 1), 70,
        1L);

    // 30 points a visit, kept 45 days: 70 visits earn 2,100; what days 0..24 earned (750)
    // expired by the end, the last 10 days' points (300) are still pending.
    PointTotals points = r.points().get(POINTS);
    assertThat(r.errors()).isEmpty();
    assertThat(points.issued()).isEqualTo(2_100);
    assertThat(points.expired()).isEqualTo(750);
    assertThat(points.outstanding()).isEqualTo(1_350);
    assertThat(points.pending()).isEqualTo(300);
    assertThat(r.pointValues()).containsExactly(Map.entry(POINTS, Money.of("0.02", "EUR")));
    Sample last = r.samples().get(r.samples().size() - 1);
    assertThat(last.liability().get(POINTS)).isEqualTo(1_350);
    assertThat(last.liabilityValue()).contains(Money.of("27.00", "EUR"));
    assertThat(last.expired().get(POINTS)).isEqualTo(750);
  }

  @Test
  void theLiabilitySampledBetweenDecisionsCountsWhatExpiredSince() {
    CompiledProgram expiring = Fixtures.compile(Fixtures.EXPIRING);
    // Comes every day, but stops for good some day in the first month.
    Population leaving = Fixtures.quiet().withMonthlyChurn(10_000);

    SimulationResult r = Simulation.run(expiring, leaving, LocalDate.of(2026, 3, 1), 120, 6L);

    int visits = r.customers().get(0).visits();
    assertThat(visits).isBetween(1, 29);
    // Every point expires 45 days after it was earned; by day 77 all have, with no decision
    // since the last visit: the samples see it before the month-end advance stores it.
    for (Sample s : r.samples()) {
      if (s.day() >= visits + 45) {
        assertThat(s.liability().get(POINTS)).as("day %s", s.day()).isZero();
      }
    }
    assertThat(r.points().get(POINTS).expired()).isEqualTo(30L * visits);
  }

  @Test
  void returnsTakeBackWhatTheReturnedLinesEarned() {
    Population returning = Fixtures.quiet().withReturns(10_000);

    SimulationResult r = Simulation.run(twoPerDollar, returning, MONDAY, 40, 9L);

    PointTotals points = r.points().get(POINTS);
    assertThat(r.errors()).isEmpty();
    assertThat(r.totals().returns()).isPositive();
    assertThat(points.reversed()).isEqualTo(20 * r.totals().returns());
    assertThat(r.totals().returnedValue())
        .isEqualTo(Money.of("10.00", "USD").times(r.totals().returns()));
    assertThat(points.outstanding()).isEqualTo(points.issued() - points.reversed());
  }

  @Test
  void everyWayToSpendIsUsedAndCounted() {
    CompiledProgram expiring = Fixtures.compile(Fixtures.EXPIRING);
    Population spenders = Fixtures.quiet().withCustomers(30)
        .withVisitsPerMonth(BigDecimal.valueOf(10), BigDecimal.valueOf(20))
        .withRedemption(5_000, Population.BurnChoice.RANDOM).withLines(1, 3)
        .withTargeting(0, 3_000);

    SimulationResult r = Simulation.run(expiring, spenders, LocalDate.of(2026, 3, 1), 120, 11L);

    PointTotals points = r.points().get(POINTS);
    assertThat(r.errors()).isEmpty();
    assertThat(points.redeemed()).isPositive();
    assertThat(points.donated()).isPositive();
    assertThat(r.totals().paidWithPointsValue().isPositive()).isTrue();
    assertThat(r.totals().donatedValue())
        .isEqualTo(Money.of("0.02", "EUR").times(points.donated()));
    assertThat(r.totals().discountRewardValue())
        .isEqualTo(Money.of("5.00", "EUR").times(r.totals().rewardsRedeemed()));
    assertThat(r.totals().rewardCost()).isEqualTo(r.totals().discountRewardValue()
        .plus(r.totals().paidWithPointsValue()).plus(r.totals().donatedValue()));
  }

  @Test
  void theCheapestOrDearestChoiceIsTaken() {
    CompiledProgram twoRewards = Fixtures.compile(Fixtures.TWO_REWARDS);
    // 100 points a visit; half the time the member spends on the cheapest or the dearest.
    Population base = Fixtures.quiet().withLinePrice(BigDecimal.valueOf(50), BigDecimal
        .valueOf(50));

    SimulationResult cheapest = Simulation.run(twoRewards,
        base.withRedemption(5_000, Population.BurnChoice.CHEAPEST), MONDAY, 60, 2L);
    SimulationResult dearest = Simulation.run(twoRewards,
        base.withRedemption(5_000, Population.BurnChoice.DEAREST), MONDAY, 60, 2L);

    assertThat(cheapest.rewardsRedeemed().get(RewardId.of("cake"))).isZero();
    assertThat(cheapest.rewardsRedeemed().get(RewardId.of("coffee"))).isPositive();
    assertThat(dearest.rewardsRedeemed().get(RewardId.of("cake"))).isPositive();
    assertThat(cheapest.errors()).isEmpty();
    assertThat(dearest.errors()).isEmpty();
  }

  @Test
  void theSameSeedGivesAnEqualResultAndAnotherSeedADifferentOne() {
    CompiledProgram starbucks = Fixtures.resource("starbucks.program.yaml");
    Population small = Population.defaults().withCustomers(200);

    SimulationResult first = Simulation.run(starbucks, small, LocalDate.of(2026, 3, 1), 100, 7L);
    SimulationResult again = Simulation.run(starbucks, small, LocalDate.of(2026, 3, 1), 100, 7L);
    SimulationResult other = Simulation.run(starbucks, small, LocalDate.of(2026, 3, 1), 100, 8L);

    assertThat(again).isEqualTo(first);
    assertThat(again.toString()).isEqualTo(first.toString());
    assertThat(other).isNotEqualTo(first);
    assertThat(other.totals()).isNotEqualTo(first.totals());
    assertThat(first.errors()).isEmpty();
    assertThat(first.points().get(UnitId.of("stars")).issued()).isPositive();
  }

  @Test
  void twoProgramsOnTheSameSeedMeetTheSameCustomersBuyingTheSameBaskets() throws Exception {
    String text;
    try (java.io.InputStream in = SimulationTest.class.getResourceAsStream(
        "/simulation/starbucks.program.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    CompiledProgram two = Fixtures.compile(text);
    CompiledProgram three = Fixtures.compile(text.replaceFirst("points: 2\n", "points: 3\n"));
    Population small = Population.defaults().withCustomers(300);

    SimulationResult atTwo = Simulation.run(two, small, LocalDate.of(2026, 3, 1), 120, 7L);
    SimulationResult atThree = Simulation.run(three, small, LocalDate.of(2026, 3, 1), 120, 7L);

    assertThat(atThree.totals().memberRevenue()).isEqualTo(atTwo.totals().memberRevenue());
    assertThat(atThree.totals().nonMemberRevenue())
        .isEqualTo(atTwo.totals().nonMemberRevenue());
    assertThat(atThree.totals().visits()).isEqualTo(atTwo.totals().visits());
    assertThat(atThree.totals().members()).isEqualTo(atTwo.totals().members());
    assertThat(atThree.points().get(UnitId.of("stars")).issued())
        .as("a third more stars on the same baskets")
        .isGreaterThan(atTwo.points().get(UnitId.of("stars")).issued());
    assertThat(atThree.totals().rewardsRedeemed())
        .isGreaterThan(atTwo.totals().rewardsRedeemed());
  }

  @Test
  void theListenerHearsEveryWeekAndTheEndWithoutChangingTheResult() {
    List<String> heard = new ArrayList<>();
    Population small = Population.defaults().withCustomers(50);

    SimulationResult told = Simulation.run(twoPerDollar, small, MONDAY, 20, 4L,
        (day, days) -> heard.add(day + "/" + days));

    assertThat(heard).containsExactly("0/20", "7/20", "14/20", "20/20");
    assertThat(told).isEqualTo(Simulation.run(twoPerDollar, small, MONDAY, 20, 4L));
  }

  @Test
  void surveyAnswersRiseForMembersWhoSpentPoints() {
    Population.Survey everyone = new Population.Survey(10_000, 0, 1, 4, 6);
    Population answering = Population.defaults().withCustomers(300).withSurvey(everyone);

    SimulationResult r = Simulation.run(twoPerDollar, answering, MONDAY, 90, 6L);

    assertThat(r.survey()).hasSize((int) r.customers().stream().filter(c -> c.visits() > 0)
        .count());
    for (SimulationResult.SurveyAnswer a : r.survey()) {
      SimulationResult.CustomerRecord c = r.customers().stream()
          .filter(x -> x.id().equals(a.customer())).findFirst().orElseThrow();
      int uplift = !c.member() ? 0 : c.spentPoints() ? 10 : 4;
      assertThat(a.member()).isEqualTo(c.member());
      assertThat(a.nps()).isBetween(Math.min(10, uplift), 10);
      assertThat(a.effort()).isBetween(Math.min(7, 1 + uplift), 7);
    }
    assertThat(r.survey()).anyMatch(a -> a.nps() == 10).anyMatch(a -> a.nps() < 4);
  }

  @Test
  void anEventsOnlyProgramGetsAnEventWithEveryMemberVisitAndItsDrawsRunWeekly() {
    CompiledProgram swarm = Fixtures.resource("swarm-perks.program.yaml");

    SimulationResult r = Simulation.run(swarm, Population.defaults().withCustomers(200),
        LocalDate.of(2026, 3, 2), 60, 3L);

    assertThat(r.errors()).isEmpty();
    assertThat(r.points().get(UnitId.of("coins")).issued()).isPositive();
    assertThat(r.totals().drawPrizes()).isPositive();
    assertThat(r.totals().decisions()).isGreaterThan(2 * r.totals().memberVisits() - 1);
    assertThat(r.notes()).anyMatch(n -> n.contains("engagement events"));
  }

  @Test
  void problemsAreCountedByMessageAndNotSwallowed() {
    // A rule that always fails to evaluate, and refuses the decision when it does.
    CompiledProgram failing = Fixtures.compile(Fixtures.FAILING);

    SimulationResult r = Simulation.run(failing, Fixtures.quiet(), MONDAY, 5, 1L);

    assertThat(r.totals().refusals()).isEqualTo(5);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().values()).containsExactly(5L);
    assertThat(r.errors().keySet().iterator().next()).startsWith("purchase: ")
        .endsWith("(refused)");
    assertThat(r.firstProblems()).hasSize(5).allSatisfy(p -> assertThat(p.refused()).isTrue());
    assertThat(r.points().get(POINTS).issued()).isZero();
  }

  static Stream<Arguments> badPopulations() {
    Population d = Population.defaults();
    return Stream.of(
        bad(() -> d.withCustomers(0), "population.customers must be from 1 to 1000000, was 0"),
        bad(() -> d.withCustomers(1_000_001), "population.customers", "1000001"),
        bad(() -> d.withEnrolment(10_001, Population.Enrolment.AT_FIRST_VISIT),
            "population.enrolmentBasisPoints must be from 0 to 10000 basis points, was 10001"),
        bad(() -> d.withEnrolment(5_000, null), "population.enrolment must not be null"),
        bad(() -> d.withDailyEnrolment(0), "population.dailyEnrolmentBasisPoints", "was 0"),
        bad(() -> d.withVisitsPerMonth(BigDecimal.ZERO, BigDecimal.ONE),
            "population.minVisitsPerMonth must be from 0.01 to 30", "was 0"),
        bad(() -> d.withVisitsPerMonth(BigDecimal.ONE, new BigDecimal("1.005")),
            "population.maxVisitsPerMonth", "at most two decimal places", "was 1.005"),
        bad(() -> d.withVisitsPerMonth(BigDecimal.TEN, BigDecimal.ONE),
            "population.maxVisitsPerMonth must not be below minVisitsPerMonth (10), was 1"),
        bad(() -> d.withLines(0, 3), "population.minLines must be from 1 to 20, was 0"),
        bad(() -> d.withLines(3, 2), "population.maxLines must be from 3 to 20, was 2"),
        bad(() -> d.withLinePrice(new BigDecimal("-1"), BigDecimal.ONE),
            "population.minLinePrice", "was -1"),
        bad(() -> d.withLinePrice(BigDecimal.TEN, BigDecimal.ONE),
            "population.maxLinePrice must not be below minLinePrice (10), was 1"),
        bad(() -> d.withLinePrice(BigDecimal.ONE, null), "population.maxLinePrice must not be "
            + "null"),
        bad(() -> d.withMonthlyChurn(-1), "population.monthlyChurnBasisPoints", "was -1"),
        bad(() -> d.withRedemption(20_000, Population.BurnChoice.RANDOM),
            "population.redemptionBasisPoints", "was 20000"),
        bad(() -> d.withRedemption(1, null), "population.burnChoice must not be null"),
        bad(() -> d.withReturns(10_001), "population.returnBasisPoints", "was 10001"),
        bad(() -> d.withEngagement(-5), "population.engagementBasisPoints", "was -5"),
        bad(() -> d.withProfiles(-1, 0), "population.birthdayBasisPoints", "was -1"),
        bad(() -> d.withProfiles(0, 10_001), "population.referralBasisPoints", "was 10001"),
        bad(() -> d.withRenewal(-2), "population.renewalBasisPoints", "was -2"),
        bad(() -> d.withChannels(6_000, 5_000),
            "population.appBasisPoints plus onlineBasisPoints (6000) must be at most 10000, "
                + "was 5000"),
        bad(() -> d.withTargeting(-1, 0), "population.instrumentBasisPoints", "was -1"),
        bad(() -> d.withTargeting(0, 10_001), "population.tagBasisPoints", "was 10001"),
        bad(() -> d.withSurvey(null), "population.survey must not be null"),
        bad(() -> new Population.Survey(10_001, 0, 1, 0, 0), "survey.responseBasisPoints",
            "was 10001"),
        bad(() -> new Population.Survey(0, 11, 1, 0, 0), "survey.npsFloor must be from 0 to "
            + "10, was 11"),
        bad(() -> new Population.Survey(0, 0, 0, 0, 0), "survey.effortFloor must be from 1 to "
            + "7, was 0"),
        bad(() -> new Population.Survey(0, 0, 1, -1, 0), "survey.memberUplift", "was -1"),
        bad(() -> new Population.Survey(0, 0, 1, 0, 11), "survey.redeemerUplift", "was 11"));
  }

  private static Arguments bad(Supplier<Object> make, String... fragments) {
    return Arguments.of(fragments[0], make, fragments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPopulations")
  void aBadPopulationIsRefusedNamingTheFieldAndTheValue(String name, Supplier<Object> make,
      String[] fragments) {
    assertThatThrownBy(make::get).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void badRunArgumentsAreRefusedNamingTheValue() {
    Population p = Population.defaults();
    assertThatThrownBy(() -> Simulation.run(twoPerDollar, p, MONDAY, 0, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be from 1 to 3660, was 0");
    assertThatThrownBy(() -> Simulation.run(twoPerDollar, p, MONDAY, 3_661, 1L))
        .hasMessage("days must be from 1 to 3660, was 3661");
    assertThatThrownBy(() -> Simulation.run(null, p, MONDAY, 1, 1L))
        .hasMessage("program must not be null");
    assertThatThrownBy(() -> Simulation.run(twoPerDollar, null, MONDAY, 1, 1L))
        .hasMessage("population must not be null");
    assertThatThrownBy(() -> Simulation.run(twoPerDollar, p, null, 1, 1L))
        .hasMessage("start must not be null");
    assertThatThrownBy(() -> Simulation.run(twoPerDollar, p, MONDAY, 1, 1L, null))
        .hasMessage("listener must not be null");
    Population fractions = p.withLinePrice(new BigDecimal("1.001"), new BigDecimal("1.009"));
    assertThatThrownBy(() -> Simulation.run(twoPerDollar, fractions, MONDAY, 1, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("population.minLinePrice 1.001 to maxLinePrice 1.009 holds no amount in "
            + "USD's smallest unit (2 decimal places)");
  }
}
