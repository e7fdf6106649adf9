package org.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer's project (src/it/consumer, built by the Maven Invoker plugin against the
 * published coordinates) runs the README's quickstart as the README shows it, not a copy that
 * has drifted from it.
 */
class ConsumerProjectTest {
  private static final Path CONSUMER =
      Path.of("src/it/consumer/src/main/java/org/loyaltyrules/consumer/Consumer.java");

  @Test
  void consumerRunsExactlyTheReadmeQuickstart() throws IOException {
    assertThat(block(Path.of("../README.md"), "```java", "```"))
        .isNotEmpty()
        .isEqualTo(block(CONSUMER, "// --- README quickstart begins ---",
            "// --- README quickstart ends ---"));
  }

  /** The lines between the first {@code begin} line and the next {@code end} line, dedented. */
  private static List<String> block(Path file, String begin, String end) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int from = 0;
    while (from < lines.size() && !lines.get(from).strip().equals(begin)) {
      from++;
    }
    assertThat(from).as("%s has a line %s", file, begin).isLessThan(lines.size());
    int to = from + 1;
    while (to < lines.size() && !lines.get(to).strip().equals(end)) {
      to++;
    }
    List<String> body = lines.subList(from + 1, to);
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
