package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loyaltyrules.rules.config.ScenarioResult;
import org.loyaltyrules.rules.config.Scenarios;

/** Every example's scenario file passes: the published figures, checked without Java. */
class ScenarioFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"starbucks.scenario.yaml", "sweetgreen.scenario.yaml",
      "odacite.scenario.yaml", "petsmart-treats.scenario.yaml"})
  void theScenarioPasses(String file) throws IOException {
    ScenarioResult result = Scenarios.run(ProgramFilesTest.text(file), program -> {
      try {
        return ProgramFilesTest.text(program);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThat(result.problems()).isEmpty();
    assertThat(result.failures()).isEmpty();
    assertThat(result.passed()).isTrue();
    assertThat(result.steps()).isPositive();
  }
}
