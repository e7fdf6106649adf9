package org.loyaltyrules.rules.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.simulation.SimulationResult.PointTotals;
import org.loyaltyrules.rules.simulation.SimulationResult.Sample;

/**
 * Invariants of every simulation, over random programs, populations, starts, lengths and seeds:
 * points are conserved, the liability is never negative and ends at what members hold, the tier
 * distribution counts every member, the customers' records add up to the totals, and the same
 * seed gives the same result.
 */
class SimulationProperties {
  private static final int EXAMPLES = 40;

  private static final List<CompiledProgram> PROGRAMS = List.of(
      Fixtures.compile(Fixtures.EXPIRING), Fixtures.compile(Fixtures.TWO_REWARDS),
      Fixtures.resource("starbucks.program.yaml"), Fixtures.resource("sephora.program.yaml"),
      Fixtures.resource("petsmart-treats.program.yaml"),
      Fixtures.resource("swarm-perks.program.yaml"));

  /** A population drawn from {@code seed}: small, with every chance anywhere in its range. */
  private static Population population(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int minVisits = 1 + r.nextInt(1_000);
    int minLines = 1 + r.nextInt(3);
    int minPrice = r.nextInt(5_000);
    return new Population(1 + r.nextInt(25), r.nextInt(10_001),
        r.nextBoolean() ? Population.Enrolment.AT_FIRST_VISIT
            : Population.Enrolment.DAILY_CHANCE, 1 + r.nextInt(10_000),
        BigDecimal.valueOf(minVisits, 2), BigDecimal.valueOf(minVisits + r.nextInt(2_000), 2),
        minLines, minLines + r.nextInt(3), BigDecimal.valueOf(minPrice, 2),
        BigDecimal.valueOf(minPrice + r.nextInt(10_000), 2), r.nextInt(2_000), r.nextInt(10_001),
        Population.BurnChoice.values()[r.nextInt(3)], r.nextInt(5_000), r.nextInt(10_001),
        r.nextInt(10_001), r.nextInt(10_001), r.nextInt(10_001), r.nextInt(5_001),
        r.nextInt(5_000), r.nextInt(10_001), r.nextInt(10_001),
        new Population.Survey(r.nextInt(10_001), r.nextInt(11), 1 + r.nextInt(7), r.nextInt(4),
            r.nextInt(4)));
  }

  private static SimulationResult run(int program, long populationSeed, int days, long seed) {
    return Simulation.run(PROGRAMS.get(program), population(populationSeed),
        LocalDate.of(2025, 11, 20).plusDays(Math.floorMod(seed, 60)), days, seed);
  }

  @Test
  void pointsAreConservedAndTheLiabilityEndsAtWhatMembersHold() {
    qt().withExamples(EXAMPLES).forAll(integers().between(0, PROGRAMS.size() - 1), longs().all(),
        integers().between(1, 120), longs().all()).checkAssert((program, pop, days, seed) -> {
          SimulationResult r = run(program, pop, days, seed);
          assertThat(r.errors()).isEmpty();
          Sample last = r.samples().get(r.samples().size() - 1);
          for (PointTotals p : r.points().values()) {
            // issued - spent - expired - reversed + restored ... = outstanding
            long sum = p.flows().values().stream().mapToLong(Long::longValue).sum();
            assertThat(sum).as("flows of %s", p.unit()).isEqualTo(p.outstanding());
            long held = r.members().stream()
                .mapToLong(m -> m.available(p.unit()) + m.pending(p.unit())).sum();
            assertThat(held).isEqualTo(p.outstanding());
            if (p.redeemable()) {
              assertThat(last.liability().get(p.unit())).isEqualTo(p.outstanding());
            }
            assertThat(last.issued().get(p.unit())).isEqualTo(p.issued());
            assertThat(last.expired().get(p.unit())).isEqualTo(p.expired());
          }
        });
  }

  @Test
  void theLiabilityIsNeverNegativeAndTheCumulativeFiguresNeverFall() {
    qt().withExamples(EXAMPLES).forAll(integers().between(0, PROGRAMS.size() - 1), longs().all(),
        integers().between(1, 120), longs().all()).checkAssert((program, pop, days, seed) -> {
          SimulationResult r = run(program, pop, days, seed);
          Sample before = null;
          for (Sample s : r.samples()) {
            s.liability().forEach((unit, points) ->
                assertThat(points).as("%s on day %s", unit, s.day()).isNotNegative());
            s.liabilityValue().ifPresent(v -> assertThat(v.isNegative()).isFalse());
            assertThat(s.activeMembers()).isBetween(0, s.enrolledMembers());
            if (before != null) {
              assertThat(s.day()).isGreaterThan(before.day());
              assertThat(s.enrolledMembers()).isGreaterThanOrEqualTo(before.enrolledMembers());
              assertThat(s.rewardsRedeemed()).isGreaterThanOrEqualTo(before.rewardsRedeemed());
              for (UnitId unit : s.issued().keySet()) {
                assertThat(s.issued().get(unit)).isGreaterThanOrEqualTo(before.issued()
                    .get(unit));
                assertThat(s.expired().get(unit)).isGreaterThanOrEqualTo(before.expired()
                    .get(unit));
              }
              for (UnitId unit : s.spent().keySet()) {
                assertThat(s.spent().get(unit)).isGreaterThanOrEqualTo(before.spent().get(unit));
              }
            }
            before = s;
          }
        });
  }

  @Test
  void theTierDistributionCountsEveryMemberEnrolledByThen() {
    qt().withExamples(EXAMPLES).forAll(integers().between(0, PROGRAMS.size() - 1), longs().all(),
        integers().between(1, 120), longs().all()).checkAssert((program, pop, days, seed) -> {
          SimulationResult r = run(program, pop, days, seed);
          if (PROGRAMS.get(program).program().tiers().isEmpty()) {
            assertThat(r.tierDistribution()).isEmpty();
            return;
          }
          List<SimulationResult.TierSnapshot> snapshots = r.tierDistribution();
          assertThat(snapshots).isNotEmpty();
          assertThat(snapshots.get(snapshots.size() - 1).date())
              .isEqualTo(r.start().plusDays(r.days() - 1));
          assertThat(snapshots.get(snapshots.size() - 1).total()).isEqualTo(r.totals().members());
          for (SimulationResult.TierSnapshot s : snapshots) {
            long enrolledBy = r.customers().stream().filter(c -> c.enrolledAt().isPresent()
                && c.enrolledAt().get().isBefore(s.date().plusDays(1).atStartOfDay(r.zone())
                    .toInstant())).count();
            assertThat(s.total()).as("on %s", s.date()).isEqualTo(enrolledBy);
            assertThat(s.members().keySet()).containsExactlyElementsOf(PROGRAMS.get(program)
                .program().tiers().get().tiers().stream().map(t -> t.id()).toList());
          }
        });
  }

  @Test
  void theCustomersRecordsAddUpToTheTotals() {
    qt().withExamples(EXAMPLES).forAll(integers().between(0, PROGRAMS.size() - 1), longs().all(),
        integers().between(1, 120), longs().all()).checkAssert((program, pop, days, seed) -> {
          SimulationResult r = run(program, pop, days, seed);
          Money zero = Money.zero(r.currency());
          assertThat(r.customers()).hasSize(r.totals().customers());
          assertThat(r.customers().stream().filter(SimulationResult.CustomerRecord::member)
              .count()).isEqualTo(r.totals().members()).isEqualTo(r.members().size());
          assertThat(r.customers().stream().mapToLong(c -> c.visits()).sum())
              .isEqualTo(r.totals().visits());
          assertThat(r.customers().stream().mapToLong(c -> c.memberVisits()).sum())
              .isEqualTo(r.totals().memberVisits());
          assertThat(r.customers().stream().map(c -> c.memberSpend()).reduce(zero, Money::plus))
              .isEqualTo(r.totals().memberRevenue());
          assertThat(r.customers().stream().map(c -> c.spend()).reduce(zero, Money::plus))
              .isEqualTo(r.totals().revenue());
          for (SimulationResult.CustomerRecord c : r.customers()) {
            assertThat(c.memberVisits()).isBetween(0, c.visits());
            assertThat(c.firstVisit().isPresent()).isEqualTo(c.visits() > 0);
            c.churnedOn().ifPresent(day -> c.lastVisit().ifPresent(v ->
                assertThat(v).isBefore(day.atStartOfDay(r.zone()).toInstant())));
          }
          assertThat(r.survey()).allSatisfy(a -> assertThat(r.customers().stream()
              .anyMatch(c -> c.id().equals(a.customer()) && c.visits() > 0)).isTrue());
        });
  }

  @Test
  void readingMembersAsStoredGivesTheSameSamplesAsAdvancingThemWhereTimeMovesNoPoints() {
    qt().withExamples(EXAMPLES / 2).forAll(integers().between(0, PROGRAMS.size() - 1),
        longs().all(), integers().between(1, 120), longs().all())
        .checkAssert((program, pop, days, seed) -> {
          LocalDate start = LocalDate.of(2025, 11, 20).plusDays(Math.floorMod(seed, 60));
          SimulationResult advanced = new Engine(PROGRAMS.get(program), population(pop), start,
              days, seed, SimulationListener.NONE, true).run();
          assertThat(run(program, pop, days, seed)).isEqualTo(advanced);
        });
  }

  @Test
  void theSameSeedGivesAnEqualResult() {
    qt().withExamples(EXAMPLES / 4).forAll(integers().between(0, PROGRAMS.size() - 1),
        longs().all(), integers().between(1, 90), longs().all())
        .checkAssert((program, pop, days, seed) ->
            assertThat(run(program, pop, days, seed)).isEqualTo(run(program, pop, days, seed)));
  }
}
