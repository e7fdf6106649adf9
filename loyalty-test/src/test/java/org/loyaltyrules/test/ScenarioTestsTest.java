package org.loyaltyrules.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** A folder of scenario files becomes one passing or failing test per file. */
class ScenarioTestsTest {
  private static final String PROGRAM = """
      format: loyalty-program/1
      id: coffee
      currency: USD
      zone: America/New_York
      units:
        - id: stars
          name: Stars
      earnRules:
        - id: base
          kind: rate
          unit: stars
          points: 2
          per: 1.00
      """;

  private static String scenario(long expected) {
    return """
        format: loyalty-scenario/1
        name: a latte
        program: ../programs/coffee.program.yaml
        member:
          id: ana
          enrolled: 2026-03-01T08:00
        steps:
          - at: 2026-03-02T09:00
            purchase:
              id: o-1
              lines:
                - {id: l1, category: drinks, price: 12.50}
            expect:
              available: {stars: %d}
        """.formatted(expected);
  }

  @Test
  void eachScenarioFileIsATestThatPassesOrFailsWithEveryFailure(@TempDir Path dir)
      throws Throwable {
    Files.createDirectories(dir.resolve("programs"));
    Files.writeString(dir.resolve("programs/coffee.program.yaml"), PROGRAM);
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(scenarios.resolve("good.scenario.yaml"), scenario(25));
    Files.writeString(scenarios.resolve("bad.scenario.yaml"), scenario(26));
    Files.writeString(scenarios.resolve("notes.txt"), "not a scenario");

    List<DynamicNode> tests = ScenarioTests.in(scenarios).toList();
    assertThat(tests).extracting(DynamicNode::getDisplayName)
        .containsExactly("bad.scenario.yaml", "good.scenario.yaml");
    assertThatThrownBy(() -> ((DynamicTest) tests.get(0)).getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("bad.scenario.yaml (a latte):\n"
            + "  step 1, steps[0].expect.available.stars: expected 26, was 25");
    ((DynamicTest) tests.get(1)).getExecutable().execute();
  }

  @Test
  void aMissingProgramIsAProblemOfTheScenario(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("lost.scenario.yaml"), scenario(25));
    assertThat(ScenarioTests.run(dir.resolve("lost.scenario.yaml")).problems())
        .singleElement().asString().startsWith("program: cannot read "
            + "'../programs/coffee.program.yaml': no file at ");
  }

  @Test
  void aFolderWithoutScenariosOrNoFolderIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> ScenarioTests.in(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("holds no *.scenario.yaml file");
    assertThatThrownBy(() -> ScenarioTests.in(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("is not a folder");
    assertThatThrownBy(() -> ScenarioTests.in(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("folder must not be null");
  }
}
