package org.loyaltyrules.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.loyaltyrules.rules.config.ScenarioResult;
import org.loyaltyrules.rules.config.Scenarios;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a folder of scenario files as JUnit 5 tests, one test per {@code *.scenario.yaml}:
 *
 * <pre>{@code
 * class LoyaltyScenariosTest {
 *   @TestFactory
 *   Stream<DynamicNode> scenarios() {
 *     return ScenarioTests.in(Path.of("src/test/resources/loyalty"));
 *   }
 * }
 * }</pre>
 *
 * <p>A scenario names its program file relative to itself. A test fails with the problems that
 * stopped its scenario, or every expectation that did not hold, each with its step and path.
 * Stateless and thread-safe.
 */
public final class ScenarioTests {
  /** The largest file read, in bytes. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private ScenarioTests() {}

  /**
   * Returns one dynamic test per scenario file under {@code folder}, its subfolders included,
   * in path order, each named by its path relative to the folder.
   *
   * @param folder the folder to look in
   * @return the tests
   * @throws IllegalArgumentException if the folder is null, does not exist or is not a folder,
   *     or holds no scenario file
   * @throws java.io.UncheckedIOException if the folder cannot be listed
   */
  public static Stream<DynamicNode> in(Path folder) {
    if (folder == null) {
      throw new IllegalArgumentException("folder must not be null");
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("'" + folder.toAbsolutePath() + "' is not a folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".scenario.yaml")
          && Files.isRegularFile(p)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list '" + folder + "'", e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("'" + folder.toAbsolutePath() + "' holds no "
          + "*.scenario.yaml file");
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(
        folder.relativize(file).toString(), file.toUri(), () -> check(file)));
  }

  /**
   * Runs one scenario file.
   *
   * @param file the scenario file
   * @return what the run found
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is null
   */
  public static ScenarioResult run(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    Path folder = file.toAbsolutePath().getParent();
    return Scenarios.run(read(file), program -> read(folder.resolve(program)));
  }

  private static void check(Path file) {
    ScenarioResult result = run(file);
    if (!result.passed()) {
      StringBuilder message = new StringBuilder(file.getFileName() + " (" + result.name()
          + "):");
      result.problems().forEach(p -> message.append("\n  ").append(p));
      result.failures().forEach(f -> message.append("\n  ").append(f));
      throw new AssertionFailedError(message.toString());
    }
  }

  /** Reads a file as UTF-8 text, refusing one too large or not UTF-8. */
  static String read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no file at " + file);
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES
            + " bytes");
      }
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
