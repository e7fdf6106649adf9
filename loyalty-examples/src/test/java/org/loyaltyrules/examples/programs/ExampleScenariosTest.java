package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.loyaltyrules.test.ScenarioTests;

/**
 * Every example's scenario file passes — the published figures, checked without Java — run the
 * way the README tells a user to run theirs.
 */
class ExampleScenariosTest {
  @TestFactory
  Stream<DynamicNode> scenarios() {
    return ScenarioTests.in(Path.of("src/main/resources/programs"));
  }

  @Test
  void thereIsAScenarioBesideEveryProgramAndTheReadmeShowsThisTest() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/programs"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names.stream().filter(n -> n.endsWith(".program.yaml"))
          .map(n -> n.replace(".program.yaml", ".scenario.yaml")))
          .allSatisfy(scenario -> assertThat(names).contains(scenario));
    }
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("""
        class ExampleScenariosTest {
          @TestFactory
          Stream<DynamicNode> scenarios() {
            return ScenarioTests.in(Path.of("src/main/resources/programs"));
          }
        }""");
  }
}
