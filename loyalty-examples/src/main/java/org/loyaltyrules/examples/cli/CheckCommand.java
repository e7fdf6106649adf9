package org.loyaltyrules.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.rules.config.ScenarioResult;

/**
 * {@code check SCENARIO_FILE...}: runs each scenario file and prints its problems and every
 * expectation that did not hold ({@code FILE: step N, PATH: MESSAGE}), then
 * {@code FILE: passed (N steps)} for one that passed (see {@link Report}).
 */
final class CheckCommand {
  /** Runs a scenario's text, given the texts of program files by path, as {@code Scenarios.run}. */
  interface Runner extends BiFunction<String, Function<String, String>, ScenarioResult> {}

  private CheckCommand() {}

  /** Runs the scenarios in order; returns 0 if every one passed, 1 otherwise. */
  static int run(List<String> files, PrintWriter out, Runner runner) {
    boolean allPassed = true;
    for (String file : files) {
      allPassed &= check(file, out, runner);
    }
    return allPassed ? 0 : 1;
  }

  /** Runs one scenario file, printing its lines; returns true if it passed. */
  private static boolean check(String file, PrintWriter out, Runner runner) {
    Path path;
    String text;
    try {
      path = Path.of(file).toAbsolutePath();
      text = TextFiles.read(path);
    } catch (InvalidPathException e) {
      out.println(Report.fileError(file, "not a valid path: " + e.getReason()));
      return false;
    } catch (TextFiles.Unreadable e) {
      out.println(Report.fileError(file, e.getMessage()));
      return false;
    }
    Path directory = path.getParent();
    ScenarioResult result;
    try {
      result = runner.apply(text, written -> program(directory, written));
    } catch (RuntimeException | StackOverflowError e) {
      // Scenarios.run reports what the texts say as problems; this is a bug, still one line.
      out.println(Report.fileError(file, "the scenario could not be run: "
          + Report.describe(e)));
      return false;
    }
    for (Problem problem : result.problems()) {
      out.println(Report.problem(file, problem));
    }
    for (ScenarioResult.Failure failure : result.failures()) {
      out.println(file + ": " + Report.oneLine(failure.toString()));
    }
    if (!result.passed()) {
      return false;
    }
    out.println(file + ": passed (" + Report.count(result.steps(), "step") + ")");
    return true;
  }

  /**
   * The text of the program file a scenario names, its path resolved against the scenario
   * file's directory.
   *
   * @throws UncheckedIOException with one line, ending in the resolved path, if it cannot be
   *     read
   * @throws IllegalArgumentException if the path is blank or not a valid path
   */
  static String program(Path directory, String written) {
    if (written == null || written.isBlank()) {
      throw new IllegalArgumentException("the program file's path is empty");
    }
    Path path;
    try {
      path = directory.resolve(written).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a valid path: " + e.getReason());
    }
    try {
      return TextFiles.read(path);
    } catch (TextFiles.Unreadable e) {
      String message = e.getMessage() + " (" + path + ")";
      throw new UncheckedIOException(message, new IOException(message));
    }
  }
}
