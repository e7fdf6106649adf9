package org.loyaltyrules.rules.config;

import java.util.List;
import org.loyaltyrules.core.program.Problem;

/**
 * What running a scenario found: problems reading the scenario or its program (which stop it),
 * and every expectation that did not hold, each with its step.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the scenario's name, or {@code scenario} if it has none
 * @param problems problems reading the scenario file or its program, each with its path
 * @param failures the expectations that did not hold, in step order
 * @param steps how many steps ran
 */
public record ScenarioResult(String name, List<Problem> problems, List<Failure> failures,
    int steps) {
  /** Copies the lists; throws {@link IllegalArgumentException} if a part is null. */
  public ScenarioResult {
    if (name == null || problems == null || failures == null) {
      throw new IllegalArgumentException("scenario result parts must not be null");
    }
    problems = List.copyOf(problems);
    failures = List.copyOf(failures);
  }

  /**
   * An expectation that did not hold.
   *
   * @param step the step it belongs to, from 1
   * @param path where it is in the scenario file, such as {@code steps[2].expect.available.stars}
   * @param message what was expected and what happened
   */
  public record Failure(int step, String path, String message) {
    /** Validates the parts; throws {@link IllegalArgumentException} if one is blank. */
    public Failure {
      if (path == null || path.isBlank() || message == null || message.isBlank()) {
        throw new IllegalArgumentException("a failure needs a path and a message");
      }
    }

    /** Returns {@code step N, path: message}. */
    @Override
    public String toString() {
      return "step " + step + ", " + path + ": " + message;
    }
  }

  /** Returns true if the scenario could be read and every expectation held. */
  public boolean passed() {
    return problems.stream().noneMatch(Problem::isError) && failures.isEmpty();
  }
}
