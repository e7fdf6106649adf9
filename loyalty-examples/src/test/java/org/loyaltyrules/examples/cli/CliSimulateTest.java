package org.loyaltyrules.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate}: its options, the summary on standard output, the report it writes, progress
 * on standard error, and the same bytes for the same options.
 */
class CliSimulateTest {
  private static final Path PROGRAMS = Path.of("src/main/resources/programs");

  @TempDir
  Path dir;

  /** One in-process run writing its report into a directory. */
  private record Run(int status, String out, String err) {}

  private static Run simulate(Path into, String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SimulateCommand.run(SimulateCommand.parse(List.of(args)), into,
        new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void theDefaultsAreTheStarbucksExampleForTenThousandCustomersOverAYear() throws Exception {
    SimulateCommand.Options options = SimulateCommand.parse(List.of());
    assertThat(options.files()).isEmpty();
    assertThat(options.examples()).isFalse();
    assertThat(options.members()).isEqualTo(10_000);
    assertThat(options.days()).isEqualTo(365);
    assertThat(SimulateCommand.DEFAULT_PROGRAM).isEqualTo("starbucks.program.yaml");
  }

  @Test
  void aSmallRunPrintsTheSummaryWritesTheReportAndShowsProgress() throws Exception {
    Run run = simulate(dir, "--members", "300", "--days", "90", "--seed", "7");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Simulated programs\n")
        .contains("Customers: 300; Days: 90; From: 2026-01-01; Seed: 7; Program: example "
            + "starbucks.program.yaml")
        .contains("Starbucks Rewards").contains("Stars issued").contains("Redemption rate")
        .contains("Net promoter score").contains("Decisions refused")
        .endsWith("report: " + dir.resolve("starbucks-rewards-simulation.html") + "\n");
    assertThat(run.err()).contains("simulate: starbucks-rewards: day 0 of 90")
        .contains("simulate: starbucks-rewards: day 90 of 90");
    String html = Files.readString(dir.resolve("starbucks-rewards-simulation.html"), UTF_8);
    assertThat(html).contains("<svg").contains("Starbucks Rewards");
  }

  @Test
  void theSameOptionsGiveTheSameBytes() throws Exception {
    Path other = Files.createDirectory(dir.resolve("again"));
    Run first = simulate(dir, "--members", "200", "--days", "60");
    Run second = simulate(other, "--members", "200", "--days", "60");

    assertThat(second.out().replace(other.toString(), dir.toString())).isEqualTo(first.out());
    assertThat(Files.readAllBytes(other.resolve("starbucks-rewards-simulation.html")))
        .isEqualTo(Files.readAllBytes(dir.resolve("starbucks-rewards-simulation.html")));
    Run reseeded = simulate(other, "--members", "200", "--days", "60", "--seed", "43");
    assertThat(reseeded.out().replace(other.toString(), dir.toString()))
        .isNotEqualTo(first.out());
  }

  @Test
  void compareRunsTwoProgramsOnTheSameCustomersSideBySide() throws Exception {
    String two = PROGRAMS.resolve("starbucks.program.yaml").toString();
    String three = write("three-stars.program.yaml", Files.readString(
        PROGRAMS.resolve("starbucks.program.yaml"), UTF_8)
        .replace("name: Starbucks Rewards", "name: Three stars a dollar")
        .replaceFirst("points: 2\n", "points: 3\n"));

    Run run = simulate(dir, "--compare", two, three, "--members", "300", "--days", "60");

    assertThat(run.status()).as(run.err()).isZero();
    String header = run.out().lines().filter(l -> l.startsWith("Measure")).findFirst()
        .orElseThrow();
    assertThat(header).contains("Starbucks Rewards").contains("Three stars a dollar");
    String customers = row(run.out(), "Customers ");
    assertThat(customers.trim().split(" +")).containsExactly("Customers", "300", "300");
    String revenue = row(run.out(), "Revenue from members");
    String[] cells = revenue.trim().split("  +");
    assertThat(cells[1]).as("the same customers spend the same").isEqualTo(cells[2]);
    long issuedAtTwo = number(row(run.out(), "Stars issued"), 0);
    long issuedAtThree = number(row(run.out(), "Stars issued"), 1);
    assertThat(issuedAtThree).isGreaterThan(issuedAtTwo);
    assertThat(dir.resolve("starbucks-rewards-vs-three-stars-a-dollar-simulation.html"))
        .exists();
  }

  @Test
  void aProgramFileWithErrorsIsReportedAndNothingIsWritten() throws Exception {
    String broken = write("broken.program.yaml", "format: loyalty-program/1\nid: x\n");

    Run run = simulate(dir, "--program", broken, "--members", "10", "--days", "5");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith(broken + ": ");
    assertThat(run.out()).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(Path.of(broken));
    }
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheOption() {
    assertUsage("simulate: unknown option: '--foo'", "--foo");
    assertUsage("simulate: --members must be a whole number, was 'many'", "--members", "many");
    assertUsage("simulate: --members must be from 1 to 1000000, was 0", "--members", "0");
    assertUsage("simulate: --days must be from 1 to 3660, was 4000", "--days", "4000");
    assertUsage("simulate: --seed needs a value", "--seed");
    assertUsage("simulate: --compare needs two program files", "--compare", "a.yaml");
    assertUsage("simulate: --program, --all and --compare exclude each other", "--all",
        "--program", "a.yaml");
    assertUsage("simulate: --program is given once; to run two programs on the same customers, "
        + "use --compare A B", "--program", "a.yaml", "--program", "b.yaml");

    CliRun run = CliRun.of("simulate", "--members", "0");
    assertThat(run.status).isEqualTo(2);
    assertThat(run.err.get(0)).isEqualTo("simulate: --members must be from 1 to 1000000, was 0");
    assertThat(run.err).anySatisfy(l -> assertThat(l).startsWith("usage: java -jar loyalty.jar "
        + "simulate"));
    assertThat(CliRun.of("simulate", "--help").out.get(0)).startsWith(
        "usage: java -jar loyalty.jar simulate");
  }

  @Test
  void allRunsEveryExampleProgramInTheJar() throws IOException {
    try (Stream<Path> files = Files.list(PROGRAMS)) {
      assertThat(SimulateCommand.EXAMPLES).containsExactlyInAnyOrderElementsOf(files
          .map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".program.yaml"))
          .toList());
    }
    for (String name : SimulateCommand.EXAMPLES) {
      assertThat(SimulateCommand.example(name).id()).isNotNull();
    }
  }

  private static void assertUsage(String message, String... args) {
    assertThatThrownBy(() -> SimulateCommand.parse(List.of(args)))
        .isInstanceOf(SimulateCommand.UsageException.class).hasMessage(message);
  }

  private String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, UTF_8).toString();
  }

  private static String row(String out, String label) {
    return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow(
        () -> new AssertionError("no row " + label + " in\n" + out));
  }

  private static long number(String row, int column) {
    String[] cells = row.trim().split("  +");
    return Long.parseLong(cells[1 + column].replace(",", ""));
  }
}
