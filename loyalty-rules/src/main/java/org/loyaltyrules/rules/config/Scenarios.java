package org.loyaltyrules.rules.config;

import java.util.function.Function;

/**
 * Runs scenario files ({@code *.scenario.yaml}): a program file, a starting member, a timeline
 * of activities and time advances, and what must hold after each step.
 *
 * <p>No I/O: the caller supplies the scenario's text and a function that gives the text of the
 * program file it names (its path as written, relative to the scenario file). Stateless and
 * thread-safe.
 */
public final class Scenarios {
  private Scenarios() {}

  /**
   * Runs a scenario.
   *
   * @param text the scenario file's text
   * @param programs gives the text of the program file at a path as the scenario writes it;
   *     may throw {@link IllegalArgumentException} or {@link java.io.UncheckedIOException} with a
   *     message if it cannot, which is reported as a problem
   * @return what the run found; never throws for what the texts say
   * @throws IllegalArgumentException if an argument is null
   */
  public static ScenarioResult run(String text, Function<String, String> programs) {
    return ScenarioRunner.run(text, programs, org.loyaltyrules.rules.spi.Extensions.none());
  }

  /**
   * Runs a scenario whose program names Java extensions in its custom rules or conditions.
   *
   * @param text the scenario file's text
   * @param programs gives the text of the program file at a path as the scenario writes it
   * @param extensions the extensions the program names
   * @return what the run found; never throws for what the texts say
   * @throws IllegalArgumentException if an argument is null
   */
  public static ScenarioResult run(String text, Function<String, String> programs,
      org.loyaltyrules.rules.spi.Extensions extensions) {
    return ScenarioRunner.run(text, programs, extensions);
  }

  /** Returns the JSON Schema of scenario files (draft 2020-12), for editors and other tools. */
  public static String schema() {
    return SchemaCheck.scenario().text();
  }
}
