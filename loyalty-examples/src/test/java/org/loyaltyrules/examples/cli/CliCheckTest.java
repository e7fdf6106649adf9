package org.loyaltyrules.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.rules.config.ScenarioResult;
import org.loyaltyrules.rules.config.ScenarioResult.Failure;

/**
 * {@code check}: what a scenario run found, one line each, and the exit status. The outer tests
 * give the command a stand-in runner, so they pin the command's own work (reading files,
 * resolving program paths, printing, exit status); {@link WithTheScenarioRunner} runs real
 * scenario files through {@code Scenarios.run}.
 */
class CliCheckTest {
  @TempDir
  Path dir;

  private String write(String name, String text) throws IOException {
    return write(name, text.getBytes(UTF_8));
  }

  private String write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file.toString();
  }

  /** A runner that returns the given result, whatever the scenario says. */
  private static CheckCommand.Runner returning(ScenarioResult result) {
    return (text, programs) -> result;
  }

  /** A runner that must not be called: the command refused the file before running it. */
  private static final CheckCommand.Runner NEVER = (text, programs) -> {
    throw new AssertionError("the runner was called with " + text.length() + " characters");
  };

  /**
   * A runner that reads the program file named on the scenario's first line as the real runner
   * does, reporting what the command's loader throws as a {@code program} problem.
   */
  private static final CheckCommand.Runner LOADING = (text, programs) -> {
    String written = text.lines().findFirst().orElseThrow();
    try {
      String program = programs.apply(written);
      return new ScenarioResult("s", List.of(), List.of(), program.strip().length());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return new ScenarioResult("s", List.of(new Problem("program", "cannot read '" + written
          + "': " + e.getMessage())), List.of(), 0);
    }
  };

  @Test
  void aScenarioThatPassesSaysHowManyStepsRan() throws IOException {
    String three = write("three.scenario.yaml", "three");
    String one = write("one.scenario.yaml", "one");
    CliRun run = CliRun.with((text, programs) -> new ScenarioResult(text, List.of(), List.of(),
        text.equals("one") ? 1 : 3), "check", three, one);
    assertThat(run.out).containsExactly(three + ": passed (3 steps)", one + ": passed (1 step)");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isZero();
  }

  @Test
  void eachFailureIsALineWithItsStepAndPath() throws IOException {
    String file = write("a.scenario.yaml", "a");
    CliRun run = CliRun.with(returning(new ScenarioResult("a", List.of(), List.of(
        new Failure(1, "steps[0].expect.available.stars", "expected 26, was 25"),
        new Failure(3, "steps[2].expect.refused", "expected refused 'insufficient', was "
            + "decided\nwith 2 effects")), 4)), "check", file);
    assertThat(run.out).containsExactly(
        file + ": step 1, steps[0].expect.available.stars: expected 26, was 25",
        file + ": step 3, steps[2].expect.refused: expected refused 'insufficient', was decided "
            + "with 2 effects");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void problemsComeBeforeFailuresWithTheirSeverity() throws IOException {
    String file = write("a.scenario.yaml", "a");
    CliRun run = CliRun.with(returning(new ScenarioResult("a", List.of(
        new Problem("(file)", "line 2, column 1: the file is not valid YAML: oops"),
        new Problem("steps[1].at", "'tomorrow' is not a date and time"),
        Problem.warning("member.birthday", "is after the enrollment")),
        List.of(new Failure(1, "steps[0].expect.available.stars", "expected 1, was 0")), 1)),
        "check", file);
    assertThat(run.out).containsExactly(
        file + ": error: line 2, column 1: the file is not valid YAML: oops",
        file + ": steps[1].at: error: 'tomorrow' is not a date and time",
        file + ": member.birthday: warning: is after the enrollment",
        file + ": step 1, steps[0].expect.available.stars: expected 1, was 0");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void warningsAloneStillPass() throws IOException {
    String file = write("a.scenario.yaml", "a");
    CliRun run = CliRun.with(returning(new ScenarioResult("a", List.of(
        Problem.warning("program", "coffee.program.yaml: caps[0] (warning): small")),
        List.of(), 2)), "check", file);
    assertThat(run.out).containsExactly(
        file + ": program: warning: coffee.program.yaml: caps[0] (warning): small",
        file + ": passed (2 steps)");
    assertThat(run.status).isZero();
  }

  @Test
  void everyScenarioRunsInOrderAndOneFailingFailsTheRun() throws IOException {
    String good = write("good.scenario.yaml", "good");
    String bad = write("bad.scenario.yaml", "bad");
    String missing = dir.resolve("missing.scenario.yaml").toString();
    CliRun run = CliRun.with((text, programs) -> new ScenarioResult(text, List.of(),
        text.equals("good") ? List.of() : List.of(new Failure(2, "steps[1].expect", "no")), 2),
        "check", good, bad, missing, good);
    assertThat(run.out).containsExactly(
        good + ": passed (2 steps)",
        bad + ": step 2, steps[1].expect: no",
        missing + ": error: no such file",
        good + ": passed (2 steps)");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void theRunnerGetsTheTextAndProgramsRelativeToTheScenarioFile() throws IOException {
    write("programs/coffee.program.yaml", "12345");
    write("scenarios/beside.program.yaml", "123");
    String up = write("scenarios/up.scenario.yaml", "../programs/coffee.program.yaml\n");
    String beside = write("scenarios/beside.scenario.yaml", "beside.program.yaml\n");
    String absolute = write("scenarios/absolute.scenario.yaml",
        dir.resolve("programs/coffee.program.yaml") + "\n");
    CliRun run = CliRun.with(LOADING, "check", up, beside, absolute);
    assertThat(run.out).containsExactly(up + ": passed (5 steps)",
        beside + ": passed (3 steps)", absolute + ": passed (5 steps)");
    assertThat(run.status).isZero();
  }

  @Test
  void aProgramThatCannotBeReadIsOneProblemNamingWhereItWasLookedFor() throws IOException {
    Files.createDirectories(dir.resolve("programs.yaml"));
    write("empty.program.yaml", "");
    String missing = write("missing.scenario.yaml", "nope/coffee.program.yaml\n");
    String directory = write("directory.scenario.yaml", "programs.yaml\n");
    String empty = write("empty.scenario.yaml", "empty.program.yaml\n");
    CliRun run = CliRun.with(LOADING, "check", missing, directory, empty);
    assertThat(run.out).containsExactly(
        missing + ": program: error: cannot read 'nope/coffee.program.yaml': no such file ("
            + dir.resolve("nope/coffee.program.yaml") + ")",
        directory + ": program: error: cannot read 'programs.yaml': is a directory, not a "
            + "file (" + dir.resolve("programs.yaml") + ")",
        empty + ": program: error: cannot read 'empty.program.yaml': the file is empty ("
            + dir.resolve("empty.program.yaml") + ")");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void theProgramLoaderThrowsWhatTheRunnerReports() throws IOException {
    Path huge = dir.resolve("huge.program.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(50L * 1024 * 1024);
    }
    write("latin.program.yaml", new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});
    assertThatThrownBy(() -> CheckCommand.program(dir, "huge.program.yaml"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("the file is 52,428,800 bytes; at most 10,485,760 (10 MB) are read ("
            + huge + ")");
    assertThatThrownBy(() -> CheckCommand.program(dir, "./x/../latin.program.yaml"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("line 1: the file is not UTF-8 text (byte 0xE9 at offset 4) ("
            + dir.resolve("latin.program.yaml") + ")");
    assertThatThrownBy(() -> CheckCommand.program(dir, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the program file's path is empty");
    assertThatThrownBy(() -> CheckCommand.program(dir, "a\u0000b.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a valid path: ");
  }

  @Test
  void aScenarioFileThatCannotBeReadIsOneLineAndIsNotRun() throws IOException {
    String missing = dir.resolve("missing.scenario.yaml").toString();
    Path directory = Files.createDirectory(dir.resolve("scenarios"));
    String empty = write("empty.scenario.yaml", " \n");
    String garbage = write("garbage.scenario.yaml",
        new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b', 0});
    Path huge = dir.resolve("huge.scenario.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(50L * 1024 * 1024);
    }
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CliRun.with(NEVER,
        "check", missing, directory.toString(), empty, garbage, huge.toString()));
    assertThat(run.out).containsExactly(
        missing + ": error: no such file",
        directory + ": error: is a directory, not a file",
        empty + ": error: the file is empty",
        garbage + ": error: line 1: the file is not UTF-8 text (byte 0xFF at offset 0)",
        huge + ": error: the file is 52,428,800 bytes; at most 10,485,760 (10 MB) are read");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aRunnerThatThrowsIsStillOneLine() throws IOException {
    String file = write("a.scenario.yaml", "a");
    String deep = write("b.scenario.yaml", "b");
    CliRun run = CliRun.with((text, programs) -> {
      if (text.equals("b")) {
        throw new StackOverflowError();
      }
      throw new IllegalStateException("no member\nat all");
    }, "check", file, deep);
    assertThat(run.out).containsExactly(
        file + ": error: the scenario could not be run: IllegalStateException: no member at all",
        deep + ": error: the scenario could not be run: StackOverflowError");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  /**
   * Real scenario files through {@code Scenarios.run}: these need the scenario runner
   * ({@code ScenarioRunner} in loyalty-rules) and the example scenario files.
   */
  @Nested
  class WithTheScenarioRunner {
    private static final String SCENARIO = """
        format: loyalty-scenario/1
        name: Coffee
        program: coffee.program.yaml
        member:
          id: ana
          enrolled: 2026-03-01T08:00
        steps:
          - at: 2026-03-14T09:00
            purchase:
              id: order-1
              lines:
                - {id: l1, sku: latte, category: drinks, quantity: 2, price: 6.25}
            expect:
              available: {stars: 25}
          - at: 2026-03-15T09:00
            purchase:
              id: order-2
              lines:
                - {id: l1, sku: beans, category: beans, quantity: 1, price: 10.00}
            expect:
              available: {stars: 45}
        """;

    @Test
    void theFourExampleScenariosPass() {
      String programs = "src/main/resources/programs/";
      List<String> files = List.of(programs + "starbucks.scenario.yaml",
          programs + "petsmart-treats.scenario.yaml", programs + "sweetgreen.scenario.yaml",
          programs + "odacite.scenario.yaml");
      CliRun run = CliRun.of(args("check", files));
      assertThat(run.out).hasSize(4);
      for (int i = 0; i < 4; i++) {
        assertThat(run.out.get(i)).matches(files.get(i).replace(".", "\\.")
            + ": passed \\(\\d+ steps\\)");
      }
      assertThat(run.err).isEmpty();
      assertThat(run.status).isZero();
    }

    @Test
    void aScenarioThatHolds() throws IOException {
      write("coffee.program.yaml", CliValidateTest.VALID);
      String file = write("coffee.scenario.yaml", SCENARIO);
      CliRun run = CliRun.of("check", file);
      assertThat(run.out).containsExactly(file + ": passed (2 steps)");
      assertThat(run.err).isEmpty();
      assertThat(run.status).isZero();
    }

    @Test
    void theProgramIsFoundRelativeToTheScenarioFile() throws IOException {
      write("programs/coffee.program.yaml", CliValidateTest.VALID);
      String file = write("scenarios/coffee.scenario.yaml", SCENARIO.replace(
          "program: coffee.program.yaml", "program: ../programs/coffee.program.yaml"));
      CliRun run = CliRun.of("check", file);
      assertThat(run.out).containsExactly(file + ": passed (2 steps)");
      assertThat(run.status).isZero();
    }

    @Test
    void anExpectationThatDoesNotHold() throws IOException {
      write("coffee.program.yaml", CliValidateTest.VALID);
      String file = write("coffee.scenario.yaml", SCENARIO.replace("{stars: 25}",
          "{stars: 26}").replace("{stars: 45}", "{stars: 44}"));
      CliRun run = CliRun.of("check", file);
      assertThat(run.out).containsExactly(
          file + ": step 1, steps[0].expect.available.stars: expected 26, was 25",
          file + ": step 2, steps[1].expect.available.stars: expected 44, was 45");
      assertThat(run.err).isEmpty();
      assertThat(run.status).isEqualTo(1);
    }

    @Test
    void aMissingProgram() throws IOException {
      String file = write("coffee.scenario.yaml", SCENARIO);
      CliRun run = CliRun.of("check", file);
      assertThat(run.out).containsExactly(file + ": program: error: cannot read "
          + "'coffee.program.yaml': no such file (" + dir.resolve("coffee.program.yaml") + ")");
      assertThat(run.status).isEqualTo(1);
    }

    @Test
    void aProgramWithErrors() throws IOException {
      write("coffee.program.yaml", CliValidateTest.VALID.replace("unit: stars", "unit: miles"));
      String file = write("coffee.scenario.yaml", SCENARIO);
      CliRun run = CliRun.of("check", file);
      assertThat(run.out).containsExactly(file + ": program: error: coffee.program.yaml: "
          + "earnRules[0].unit: unknown unit 'miles'; the program's units are [stars]");
      assertThat(run.status).isEqualTo(1);
    }

    @Test
    void scenarioFilesThatCannotBeReadAreOneLineWithinSeconds() throws IOException {
      StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\"]\n");
      for (char c = 'b'; c <= 'z'; c++) {
        laughs.append(c).append(": &").append(c).append(" [*").append((char) (c - 1))
            .append(",*").append((char) (c - 1)).append(",*").append((char) (c - 1))
            .append("]\n");
      }
      String malformed = write("malformed.scenario.yaml", "format: loyalty-scenario/1\n"
          + "steps: [\n");
      String list = write("list.scenario.yaml", "- 1\n- 2\n");
      String anchors = write("anchors.scenario.yaml", laughs.toString());
      String deep = write("deep.scenario.yaml",
          "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
      String binary = write("binary.scenario.yaml", "format\u0000: x\n");
      CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> CliRun.of("check", malformed, list, anchors, deep, binary));
      assertThat(run.out).containsExactly(
          malformed + ": error: line 2, column 9: the file is not valid YAML: while parsing a "
              + "flow node; expected the node content, but found '<stream end>'",
          list + ": format: error: a scenario file starts with 'format: loyalty-scenario/1'",
          anchors + ": error: line 1, column 4: YAML anchors and aliases (& and *) are not "
              + "allowed in program files; write each value out",
          deep + ": error: the file is not valid YAML: it nests deeper than 40 levels",
          binary + ": error: the file is binary, not YAML text (it holds a NUL character)");
      assertThat(run.err).isEmpty();
      assertThat(run.status).isEqualTo(1);
    }

    private String[] args(String command, List<String> files) {
      List<String> all = new ArrayList<>();
      all.add(command);
      all.addAll(files);
      return all.toArray(String[]::new);
    }
  }
}
