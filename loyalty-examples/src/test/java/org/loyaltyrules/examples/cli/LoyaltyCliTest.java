package org.loyaltyrules.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoyaltyCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return LoyaltyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void demoRunsAndSucceeds() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString()).contains("Corner Coffee Rewards").contains("sum");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void demoGoesOnWithTheFourExamplePrograms() {
    assertThat(run("demo")).isZero();
    String text = out.toString();
    assertThat(text.indexOf("Four points programs")).isGreaterThan(text.indexOf("sum"));
    assertThat(text)
        .contains("Starbucks Rewards (starbucks-rewards)")
        .contains("PetSmart Treats (petsmart-treats)")
        .contains("Sweetgreen Sweet Rewards (sweetgreen-sweet-rewards)")
        .contains("Odacité Rewards (odacite-rewards)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageErrorNamingIt() {
    assertThat(run("simulate-everything")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown command: 'simulate-everything'")
        .contains("usage: java -jar loyalty.jar");
  }

  @Test
  void noCommandPrintsUsage() {
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("commands:").contains("demo");
  }

  @Test
  void demoTakesNoArguments() {
    assertThat(run("demo", "extra")).isEqualTo(2);
    assertThat(err.toString()).contains("demo takes no arguments");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"help", "--help", "-h", "HELP", "help help"})
  void helpPrintsEveryCommand(String args) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.status).isZero();
    assertThat(run.out.get(0)).isEqualTo("usage: java -jar loyalty.jar <command> [arguments]");
    assertThat(run.out).anySatisfy(line -> assertThat(line).startsWith("  demo "))
        .anySatisfy(line -> assertThat(line).startsWith("  validate PROGRAM_FILE... "))
        .anySatisfy(line -> assertThat(line).startsWith("  check SCENARIO_FILE... "))
        .anySatisfy(line -> assertThat(line).startsWith("  help [COMMAND] "))
        .contains("exit status: 0 success; 1 a file has errors or a scenario failed; 2 usage "
            + "error");
    assertThat(run.err).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"validate --help", "validate -h", "help validate", "validate a.yaml --help",
      "VALIDATE --help"})
  void validateHelpShowsEveryLineItPrints(String args) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.status).isZero();
    assertThat(run.out.get(0)).isEqualTo("usage: java -jar loyalty.jar validate PROGRAM_FILE...");
    assertThat(run.out).anySatisfy(line -> assertThat(line).startsWith(
            "  FILE: PATH: error: MESSAGE "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: PATH: warning: MESSAGE "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: error: MESSAGE "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: ok "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: ok, N warnings "));
    assertThat(run.err).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"check --help", "check -h", "help check", "check a.scenario.yaml -h"})
  void checkHelpShowsEveryLineItPrints(String args) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.status).isZero();
    assertThat(run.out.get(0)).isEqualTo("usage: java -jar loyalty.jar check SCENARIO_FILE...");
    assertThat(run.out).anySatisfy(line -> assertThat(line).startsWith(
            "  FILE: step N, PATH: MESSAGE "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: PATH: error: MESSAGE "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: error: MESSAGE "))
        .anySatisfy(line -> assertThat(line).startsWith("  FILE: passed (N steps) "));
    assertThat(run.err).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"demo --help", "help demo"})
  void demoHelp(String args) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.status).isZero();
    assertThat(run.out.get(0)).isEqualTo("usage: java -jar loyalty.jar demo");
    assertThat(run.err).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "validate|validate: no program files given|usage: java -jar loyalty.jar validate "
          + "PROGRAM_FILE...",
      "validate --|validate: no program files given|usage: java -jar loyalty.jar validate "
          + "PROGRAM_FILE...",
      "validate --strict a.yaml|validate: unknown option: '--strict'|usage: java -jar "
          + "loyalty.jar validate PROGRAM_FILE...",
      "validate a.yaml -|validate: unknown option: '-'|usage: java -jar loyalty.jar validate "
          + "PROGRAM_FILE...",
      "check|check: no scenario files given|usage: java -jar loyalty.jar check "
          + "SCENARIO_FILE...",
      "check -v a.scenario.yaml|check: unknown option: '-v'|usage: java -jar loyalty.jar "
          + "check SCENARIO_FILE...",
      "help nope|unknown command: 'nope'|usage: java -jar loyalty.jar <command> [arguments]",
      "help validate check|help takes at most one command, got: validate check|usage: java "
          + "-jar loyalty.jar <command> [arguments]",
      "--version|unknown command: '--version'|usage: java -jar loyalty.jar <command> "
          + "[arguments]"})
  void aUsageErrorIsOneLineOfReasonThenTheUsage(String args, String reason, String usage) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.status).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.get(0)).isEqualTo(reason);
    assertThat(run.err.get(1)).isEqualTo(usage);
  }
}
