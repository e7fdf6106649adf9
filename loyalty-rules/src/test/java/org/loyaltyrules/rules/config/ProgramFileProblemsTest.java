package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loyaltyrules.core.program.Problem;

/**
 * Deliberately broken program files ({@code broken-programs.txt}, edits of
 * {@code base.program.yaml}): each gives exactly the problems listed — path, severity and
 * message — and no exception that is not the library's own.
 */
class ProgramFileProblemsTest {
  /** One broken file and what reading it must report. */
  record Case(String name, String find, String replace, List<String> problems, boolean valid) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ProgramFileProblemsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    String name = null;
    String find = null;
    String replace = null;
    List<String> problems = new ArrayList<>();
    for (String line : resource("broken-programs.txt").split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("  => ")) {
        problems.add(line.substring(5));
      } else if (line.startsWith("  valid ")) {
        cases.add(new Case(name, find, replace, List.copyOf(problems),
            Boolean.parseBoolean(line.substring(8))));
        problems.clear();
      } else {
        String[] parts = line.split("\\|", -1);
        name = parts[0];
        find = parts[1].replace("\\n", "\n");
        replace = parts[2].replace("\\n", "\n");
      }
    }
    return cases;
  }

  /** The text of a case: the base file with one edit, or a whole file of its own. */
  static String text(Case c, String base) {
    return switch (c.replace()) {
      case "<<EMPTY>>" -> "";
      case "<<BLANK>>" -> "  \n\n";
      case "<<BINARY>>" -> "\u0000\u0001\u00ff garbage";
      case "<<LIST>>" -> "- one\n- two\n";
      case "<<SCALAR>>" -> "just text\n";
      case "<<BADJSON>>" -> "{\"format\": \"loyalty-program/1\",}";
      case "<<JSONDUP>>" -> "{\"format\": \"loyalty-program/1\", \"id\": \"a\", \"id\": \"b\"}";
      case "<<DEEP>>" -> "format: loyalty-program/1\nid: x\nextra: " + "[".repeat(100)
          + "]".repeat(100) + "\n";
      case "<<LARGE>>" -> "format: loyalty-program/1\n" + "# padding\n".repeat(120_000);
      case "<<CUSTOM>>" -> base.replace("rewards:",
          "  - id: per-item\n    kind: custom\n    unit: points\nrewards:");
      case "<<CUSTOM2>>" -> base.replace("rewards:",
          "  - id: per-item\n    kind: custom\n    unit: points\n    extension: per-item\n"
              + "rewards:");
      default -> {
        assertThat(base).as("the base file holds the text case '%s' edits", c.name())
            .contains(c.find());
        yield base.replaceFirst(Pattern.quote(c.find()), Matcher.quoteReplacement(c.replace()));
      }
    };
  }

  @Test
  void thereAreAtLeastFortyAndTheBaseFileIsValid() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    ProgramFile base = ProgramFiles.read(resource("base.program.yaml"), ProgramFiles.Syntax.YAML);
    assertThat(base.problems()).isEmpty();
    assertThat(base.isValid()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBrokenFileGivesExactlyItsProblems(Case c) throws IOException {
    String text = text(c, resource("base.program.yaml"));
    ProgramFiles.Syntax syntax = c.replace().equals("<<BADJSON>>")
        || c.replace().equals("<<JSONDUP>>") ? ProgramFiles.Syntax.JSON
        : ProgramFiles.Syntax.YAML;
    ProgramFile file = ProgramFiles.read(text, syntax);
    assertThat(file.problems()).extracting(Problem::toString).containsExactlyElementsOf(
        c.problems());
    assertThat(file.isValid()).isEqualTo(c.valid());
    assertThat(file.errors().isEmpty()).isEqualTo(c.valid());
  }
}
