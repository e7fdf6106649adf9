package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.loyaltyrules.rules.simulation.Population;
import org.loyaltyrules.rules.simulation.Simulation;
import org.loyaltyrules.rules.simulation.SimulationResult;

/**
 * Every example program can be simulated: 300 customers over 120 days, without a single
 * decision error or refusal, and each gives what it is about — points, vouchers or fees.
 */
class SimulationExamplesTest {
  private static final Path PROGRAMS = Path.of("src/main/resources/programs");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(PROGRAMS)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".program.yaml")).sorted().toList().stream();
    }
  }

  private static SimulationResult simulate(String file) throws IOException {
    ProgramFile read = ProgramFiles.read(Files.readString(PROGRAMS.resolve(file)),
        ProgramFiles.Syntax.of(file));
    CompiledProgram compiled = LoyaltyRules.compile(read.program());
    return Simulation.run(compiled, Population.defaults().withCustomers(300),
        LocalDate.of(2026, 1, 1), 120, 2026L);
  }

  @Test
  void everyExampleIsSimulated() throws IOException {
    assertThat(examples().toList()).hasSize(17);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theExampleRunsWithoutDecisionErrorsAndGivesSomething(String file) throws IOException {
    SimulationResult r = simulate(file);

    assertThat(r.errors()).as("errors of %s", file).isEmpty();
    assertThat(r.totals().refusals()).isZero();
    assertThat(r.totals().members()).isPositive();
    assertThat(r.totals().decisions()).isGreaterThanOrEqualTo(r.totals().memberVisits());
    long issued = r.points().values().stream().mapToLong(SimulationResult.PointTotals::issued)
        .sum();
    if (issued > 0) {
      assertThat(r.notes()).noneMatch(n -> n.contains("no points were issued"));
    } else {
      // The programs that issue no points give vouchers or sell memberships.
      assertThat(file).isIn(List.of("amazon-prime.program.yaml",
          "coffee-stamp-card.program.yaml", "rei-co-op.program.yaml",
          "sweetgreen.program.yaml"));
      assertThat(r.totals().vouchersIssued() + r.totals().membershipFees().amount().signum())
          .isPositive();
      assertThat(r.notes()).contains("no points were issued in the run");
    }
  }
}
