package org.loyaltyrules.core.architecture;

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
 * The core's promises, checked on its source: no clock, no hidden randomness, no I/O, no
 * floating point, and imports of the JDK, Guava and the core only. Comments are ignored, so the
 * Javadoc may still talk about what the code must not do.
 */
class CoreSourceRulesTest {
  private static final Path MAIN = Path.of("src/main/java");

  private static final Pattern FORBIDDEN = Pattern.compile(String.join("|",
      "Instant\\.now\\(", "LocalDate(Time)?\\.now\\(", "ZonedDateTime\\.now\\(",
      "Clock\\.system", "System\\.currentTimeMillis", "System\\.nanoTime",
      "new Random\\(", "Math\\.random", "ThreadLocalRandom", "SecureRandom",
      "System\\.(out|err|in)\\b", "\\bjava\\.io\\.(File|Reader|Writer|InputStream|OutputStream)",
      "\\bjava\\.nio\\.file\\b", "\\bjava\\.net\\b", "\\b(double|float|Double|Float)\\b"));

  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)");

  @Test
  void coreSourcesExist() {
    assertThat(sources()).as("sources under %s", MAIN.toAbsolutePath()).hasSizeGreaterThan(50);
  }

  @Test
  void noClockRandomnessIoOrFloatingPoint() {
    List<String> hits = new ArrayList<>();
    for (Path file : sources()) {
      List<String> lines = code(file);
      for (int i = 0; i < lines.size(); i++) {
        if (FORBIDDEN.matcher(lines.get(i)).find()) {
          hits.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(hits).isEmpty();
  }

  @Test
  void importsOnlyTheJdkGuavaAndTheCore() {
    List<String> hits = new ArrayList<>();
    for (Path file : sources()) {
      for (String line : code(file)) {
        var m = IMPORT.matcher(line.strip());
        if (m.find()) {
          String name = m.group(2);
          boolean allowed = name.startsWith("java.") || name.startsWith("com.google.common.")
              || name.startsWith("org.loyaltyrules.core");
          boolean io = name.startsWith("java.io.") || name.startsWith("java.nio.file.")
              || name.startsWith("java.net.");
          if (!allowed || io) {
            hits.add(MAIN.relativize(file) + ": " + line.strip());
          }
        }
      }
    }
    assertThat(hits).isEmpty();
  }

  /**
   * Every public type's Javadoc states its thread-safety (and so, for values, its immutability):
   * the first public type declared in each file, and every public builder.
   */
  @Test
  void everyPublicTypeStatesItsThreadSafety() throws IOException {
    Pattern typeDoc = Pattern.compile("(/\\*\\*(?:(?!\\*/).)*\\*/)\\s*(?:@\\w+\\s*)*"
        + "public\\s+(?:static\\s+)?(?:final\\s+|sealed\\s+|abstract\\s+)*"
        + "(?:class|interface|enum|record)\\s+(\\w+)", Pattern.DOTALL);
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path file : sources()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      var m = typeDoc.matcher(text);
      boolean first = true;
      while (m.find()) {
        if (first || m.group(2).equals("Builder")) {
          checked++;
          if (!m.group(1).toLowerCase(java.util.Locale.ROOT).contains("thread-safe")) {
            missing.add(MAIN.relativize(file) + ": " + m.group(2));
          }
        }
        first = false;
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(missing).isEmpty();
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's lines with comments and string literals blanked out. */
  private static List<String> code(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        text.substring(i, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
        i = end;
      } else if (text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '"') {
        out.append('"');
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\') {
            out.append(' ');
            i++;
          }
          out.append(text.charAt(i) == '\n' ? '\n' : ' ');
          i++;
        }
        out.append('"');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().lines().toList();
  }
}
