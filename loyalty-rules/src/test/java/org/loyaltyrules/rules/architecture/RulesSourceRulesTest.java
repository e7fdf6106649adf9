package org.loyaltyrules.rules.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules module's promises, checked on its source: MVEL appears in one package only, its
 * JVM-wide settings are never touched, and there is no clock, hidden randomness, I/O or floating
 * point. Comments are ignored, so the Javadoc may still talk about what the code must not do.
 */
class RulesSourceRulesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path EXPRESSION = MAIN.resolve("org/loyaltyrules/rules/expression");

  private static final Pattern FORBIDDEN = Pattern.compile(String.join("|",
      "Instant\\.now\\(", "LocalDate(Time)?\\.now\\(", "ZonedDateTime\\.now\\(",
      "Clock\\.system", "System\\.currentTimeMillis", "System\\.nanoTime",
      "new Random\\(", "Math\\.random", "ThreadLocalRandom", "SecureRandom",
      "System\\.(out|err|in)\\b", "\\bjava\\.io\\.File", "\\bFile(Input|Output)Stream\\b",
      "\\bjava\\.nio\\.file\\b", "\\bjava\\.net\\b", "\\b(double|float|Double|Float)\\b"));

  /** MVEL's settings that hold for the whole JVM, and so for every other user of MVEL in it. */
  private static final Pattern MVEL_GLOBALS = Pattern.compile(String.join("|",
      "OptimizerFactory", "COMPILER_OPT_", "RUNTIME_OPT_", "setLanguageLevel",
      "PropertyHandlerFactory", "GlobalListenerFactory", "addConversionHandler",
      "MVEL\\.(COMPILER|RUNTIME|OPTIMIZER)", "AbstractParser\\.", "DynamicOptimizer",
      "ReflectiveAccessorOptimizer", "ASMAccessorOptimizer", "setThreadAccessorOptimizer"));

  @Test
  void sourcesExist() {
    assertThat(sources()).as("sources under %s", MAIN.toAbsolutePath()).hasSizeGreaterThan(20);
  }

  @Test
  void mvelAppearsInTheExpressionPackageOnly() {
    List<String> hits = new ArrayList<>();
    for (Path file : sources()) {
      boolean allowed = file.getParent().equals(EXPRESSION);
      List<String> lines = code(file);
      for (int i = 0; i < lines.size(); i++) {
        if (!allowed && lines.get(i).contains("org.mvel2")) {
          hits.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(hits).isEmpty();
  }

  @Test
  void mvelsJvmWideSettingsAreNeverChanged() {
    assertThat(matches(MVEL_GLOBALS)).isEmpty();
  }

  @Test
  void noClockRandomnessIoOrFloatingPoint() {
    assertThat(matches(FORBIDDEN)).isEmpty();
  }

  private static List<String> matches(Pattern pattern) {
    List<String> hits = new ArrayList<>();
    for (Path file : sources()) {
      List<String> lines = code(file);
      for (int i = 0; i < lines.size(); i++) {
        if (pattern.matcher(lines.get(i)).find()) {
          hits.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    return hits;
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's lines with comments blanked out, so line numbers still match. */
  private static List<String> code(Path file) {
    List<String> out = new ArrayList<>();
    boolean inComment = false;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
          if (inComment) {
            int end = line.indexOf("*/", i);
            if (end < 0) {
              i = line.length();
            } else {
              inComment = false;
              i = end + 2;
            }
          } else if (line.startsWith("/*", i)) {
            inComment = true;
            i += 2;
          } else if (line.startsWith("//", i)) {
            i = line.length();
          } else {
            kept.append(line.charAt(i++));
          }
        }
        out.add(kept.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
