package org.loyaltyrules.examples.simulate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.loyaltyrules.rules.simulation.Population;
import org.loyaltyrules.rules.simulation.Simulation;
import org.loyaltyrules.rules.simulation.SimulationResult;

/** The report's figures are the simulation's, read through the metric functions. */
class SimulationReportsTest {
  private static final Path PROGRAMS = Path.of("src/main/resources/programs");

  private static Program program(String file) throws Exception {
    return ProgramFiles.read(Files.readString(PROGRAMS.resolve(file), UTF_8),
        ProgramFiles.Syntax.YAML).program();
  }

  private static SimulationResult simulate(Program program) {
    return Simulation.run(LoyaltyRules.compile(program),
        Population.defaults().withCustomers(400), LocalDate.of(2026, 1, 1), 120, 3L);
  }

  private static Map<String, Value> rows(ProgramReport report) {
    Map<String, Value> rows = new LinkedHashMap<>();
    report.summary().forEach(r -> rows.put(r.label(), r.value()));
    return rows;
  }

  @Test
  void theSummaryAgreesWithWhatTheSimulationCounted() throws Exception {
    Program starbucks = program("starbucks.program.yaml");
    SimulationResult result = simulate(starbucks);
    SimulationResult.PointTotals stars = result.points().get(UnitId.of("stars"));

    ProgramReport report = SimulationReports.of(starbucks, result);
    Map<String, Value> rows = rows(report);

    assertThat(report.name()).isEqualTo("Starbucks Rewards");
    assertThat(rows.get("Customers")).isEqualTo(Value.count(400));
    assertThat(rows.get("Members enrolled")).isEqualTo(Value.count(result.totals().members()));
    assertThat(rows.get("Stars issued"))
        .isEqualTo(Value.points(BigDecimal.valueOf(stars.issued())));
    assertThat(rows.get("Stars redeemed"))
        .isEqualTo(Value.points(BigDecimal.valueOf(stars.spent())));
    assertThat(rows.get("Stars outstanding at the end"))
        .isEqualTo(Value.points(BigDecimal.valueOf(stars.outstanding())));
    assertThat(rows.get("Rewards redeemed"))
        .isEqualTo(Value.count(result.totals().rewardsRedeemed()));
    assertThat(rows.get("Revenue from members"))
        .isEqualTo(Value.money(result.totals().memberRevenue()));
    assertThat(rows.get("Decisions refused")).isEqualTo(Value.count(0));
    assertThat(rows).containsKeys("Redemption rate", "Breakage rate",
        "Retention (members of the first half back in the second)",
        "Customer lifetime value (30% margin, 10% discount a year)",
        "Customer effort score (1 to 7)");

    assertThat(report.liability().points()).hasSize(result.samples().size());
    assertThat(report.liability().points().get(report.liability().points().size() - 1).value())
        .isEqualByComparingTo(BigDecimal.valueOf(stars.outstanding()));
    assertThat(report.redemption()).extracting(Series::name)
        .containsExactly("Stars issued", "Stars redeemed", "Stars expired");
    assertThat(report.tiers()).isEqualTo(TierDistribution.none());
  }

  @Test
  void aTieredProgramShowsItsLadderAtEachMonthEnd() throws Exception {
    Program sephora = program("sephora.program.yaml");
    SimulationResult result = simulate(sephora);

    TierDistribution tiers = SimulationReports.of(sephora, result).tiers();

    assertThat(tiers.tiers()).containsExactly("Insider", "VIB", "Rouge");
    assertThat(tiers.snapshots()).hasSize(result.tierDistribution().size());
    assertThat(tiers.snapshots().get(0).label()).isEqualTo("2026-01-31");
    assertThat(tiers.snapshots().get(tiers.snapshots().size() - 1).total())
        .isEqualTo(result.totals().members());
  }

  @Test
  void aResultOfAnotherProgramIsRefused() throws Exception {
    SimulationResult result = simulate(program("starbucks.program.yaml"));

    assertThatThrownBy(() -> SimulationReports.of(program("sephora.program.yaml"), result))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starbucks-rewards");
  }
}
