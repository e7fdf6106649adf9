package org.loyaltyrules.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate Java process started in another directory: file names relative
 * to that working directory, the exit status {@code main} gives the shell, and nothing on
 * standard error but usage errors.
 */
class CliProcessTest {
  @TempDir
  Path dir;

  /** What a process printed and its exit status. */
  private record Exit(int status, List<String> out, List<String> err) {}

  private Exit run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LoyaltyCli.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the command line took over 60 s: " + command);
    }
    return new Exit(process.exitValue(), Files.readAllLines(out, UTF_8),
        Files.readAllLines(err, UTF_8));
  }

  @Test
  void validateReadsFilesRelativeToTheWorkingDirectory() throws Exception {
    Files.createDirectories(dir.resolve("programs"));
    Files.writeString(dir.resolve("programs/coffee.program.yaml"), CliValidateTest.VALID);
    Files.writeString(dir.resolve("bad.program.yaml"),
        CliValidateTest.VALID.replace("unit: stars", "unit: miles"));
    Files.write(dir.resolve("garbage.program.json"), new byte[] {(byte) 0xFF, 0, 1, 2});

    Exit ok = run("validate", "programs/coffee.program.yaml");
    assertThat(ok.out).containsExactly("programs/coffee.program.yaml: ok");
    assertThat(ok.err).isEmpty();
    assertThat(ok.status).isZero();

    Exit bad = run("validate", "programs/coffee.program.yaml", "bad.program.yaml",
        "garbage.program.json", "missing.program.yaml", "programs");
    assertThat(bad.out).containsExactly(
        "programs/coffee.program.yaml: ok",
        "bad.program.yaml: earnRules[0].unit: error: unknown unit 'miles'; the program's units "
            + "are [stars]",
        "garbage.program.json: error: line 1: the file is not UTF-8 text (byte 0xFF at offset 0)",
        "missing.program.yaml: error: no such file",
        "programs: error: is a directory, not a file");
    assertThat(bad.err).isEmpty();
    assertThat(bad.status).isEqualTo(1);
  }

  @Test
  void aUsageErrorExitsTwo() throws Exception {
    Exit usage = run("validate");
    assertThat(usage.out).isEmpty();
    assertThat(usage.err.get(0)).isEqualTo("validate: no program files given");
    assertThat(usage.status).isEqualTo(2);
  }

  /** Needs the scenario runner ({@code ScenarioRunner} in loyalty-rules). */
  @Test
  void checkFindsTheProgramRelativeToTheScenarioFile() throws Exception {
    Files.createDirectories(dir.resolve("programs"));
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("programs/coffee.program.yaml"), CliValidateTest.VALID);
    Files.writeString(dir.resolve("scenarios/coffee.scenario.yaml"), """
        format: loyalty-scenario/1
        program: ../programs/coffee.program.yaml
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
        """);
    Exit passed = run("check", "scenarios/coffee.scenario.yaml");
    assertThat(passed.out).containsExactly("scenarios/coffee.scenario.yaml: passed (1 step)");
    assertThat(passed.err).isEmpty();
    assertThat(passed.status).isZero();
  }
}
