package org.loyaltyrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;

/** The file of the file-reading benchmark is valid, has 1,000 rules, and mixes their kinds. */
class ProgramFileBenchmarkTest {
  private final ProgramFileBenchmark bench = new ProgramFileBenchmark();

  ProgramFileBenchmarkTest() {
    bench.setUp();
  }

  @Test
  void theFileIsValidWithoutWarningsAndHasOneThousandRules() {
    ProgramFile file = bench.readOnly();
    assertThat(file.problems()).isEmpty();
    assertThat(file.isValid()).isTrue();
    assertThat(file.program().earnRules()).hasSize(ProgramFileBenchmark.RULES);
  }

  @Test
  void theRulesMixBuiltInKindsAndExpressions() {
    Program program = bench.readOnly().program();
    Map<String, Long> kinds = program.earnRules().stream()
        .collect(Collectors.groupingBy(r -> r.getClass().getSimpleName(), Collectors.counting()));
    assertThat(kinds).containsOnly(
        Map.entry("Rate", 450L),
        Map.entry("Multiplier", 200L),
        Map.entry("MinimumSpendBonus", 100L),
        Map.entry("EventBonus", 100L),
        Map.entry("Formula", 100L),
        Map.entry("FirstPurchase", 50L));
    long withExpressions = program.earnRules().stream()
        .filter(r -> r instanceof EarnRule.Formula || r.settings().when().isPresent())
        .count();
    assertThat(withExpressions).isEqualTo(300);
  }

  @Test
  void everyVariantCompilesTheSameProgram() {
    CompiledProgram fromText = bench.readAndCompile();
    assertThat(fromText.warnings()).isEmpty();
    ProgramFileBenchmark.Read read = new ProgramFileBenchmark.Read();
    read.setUp();
    assertThat(bench.compileOnly(read).program()).isEqualTo(fromText.program());
    assertThat(bench.readAndCompileCold().program()).isEqualTo(fromText.program());
  }

  @Test
  void theTextIsTheSameEveryTime() {
    assertThat(LargeProgramFile.yaml(ProgramFileBenchmark.RULES))
        .isEqualTo(LargeProgramFile.yaml(ProgramFileBenchmark.RULES));
  }
}
