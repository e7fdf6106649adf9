package org.loyaltyrules.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate}: every problem on its own line with the file, path and severity; one line for
 * a file that cannot be read at all; the exit status.
 */
class CliValidateTest {
  /** A valid program. */
  static final String VALID = """
      format: loyalty-program/1
      id: coffee
      name: Coffee
      currency: USD
      zone: UTC
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
  /** A cap of 1 point on a rule earning 2 per $1: valid, with a warning. */
  static final String CAP = """
          caps:
            - per: activity
              points: 1
      """;
  private static final String CAP_WARNING = "earnRules[0].caps[0]: warning: a cap of 1 point "
      + "per activity is smaller than what USD 1.00 earns under this rule (2 points), so the "
      + "rule can never grant even one ordinary earn in full";

  @TempDir
  Path dir;

  private String write(String name, String text) throws IOException {
    return write(name, text.getBytes(UTF_8));
  }

  private String write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file.toString();
  }

  @Test
  void theFourExampleProgramsAreValid() {
    String programs = "src/main/resources/programs/";
    CliRun run = CliRun.of("validate", programs + "starbucks.program.yaml",
        programs + "petsmart-treats.program.yaml", programs + "sweetgreen.program.yaml",
        programs + "odacite.program.yaml");
    assertThat(run.out).containsExactly(
        "src/main/resources/programs/starbucks.program.yaml: ok",
        "src/main/resources/programs/petsmart-treats.program.yaml: ok",
        "src/main/resources/programs/sweetgreen.program.yaml: ok",
        "src/main/resources/programs/odacite.program.yaml: ok");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isZero();
  }

  @Test
  void aValidFileIsOk() throws IOException {
    String yaml = write("coffee.program.yaml", VALID);
    String json = write("coffee.program.json", """
        {"format": "loyalty-program/1", "id": "coffee", "name": "Coffee", "currency": "USD",
         "zone": "UTC", "units": [{"id": "stars", "name": "Stars"}],
         "earnRules": [{"id": "base", "kind": "rate", "unit": "stars", "points": 2,
                        "per": 1.00}]}
        """);
    String yml = write("coffee.yml", VALID);
    CliRun run = CliRun.of("validate", yaml, json, yml);
    assertThat(run.out).containsExactly(yaml + ": ok", json + ": ok", yml + ": ok");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isZero();
  }

  @Test
  void aByteOrderMarkIsLeftOut() throws IOException {
    byte[] text = VALID.getBytes(UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    String file = write("bom.program.yaml", bytes);
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).containsExactly(file + ": ok");
    assertThat(run.status).isZero();
  }

  @Test
  void eachErrorIsALineWithTheFileThePathAndTheSeverity() throws IOException {
    String file = write("bad.program.yaml", VALID.replace("unit: stars", "unit: miles"));
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).containsExactly(
        file + ": earnRules[0].unit: error: unknown unit 'miles'; the program's units are "
            + "[stars]");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void anExpressionErrorKeepsItsLineAndColumn() throws IOException {
    String file = write("bad.program.yaml", VALID + "    when: order.totl > 1\n");
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).containsExactly(file + ": earnRules[0].when: error: line 1, column 1: "
        + "unknown name 'order.totl'; did you mean 'order.total'?");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aMissingFormatIsAnErrorAtItsPath() throws IOException {
    String file = write("old.program.yaml", VALID.replace("format: loyalty-program/1\n", ""));
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).containsExactly(file + ": format: error: is required; a program file "
        + "starts with 'format: loyalty-program/1'");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void warningsAloneLeaveTheFileOkAndTheStatusZero() throws IOException {
    String one = write("one.program.yaml", VALID + CAP);
    String two = write("two.program.yaml", VALID + CAP + """
          - id: more
            kind: rate
            unit: stars
            points: 3
            per: 1.00
        """ + CAP);
    CliRun run = CliRun.of("validate", one, two);
    assertThat(run.out).containsExactly(
        one + ": " + CAP_WARNING,
        one + ": ok, 1 warning",
        two + ": " + CAP_WARNING,
        two + ": earnRules[1].caps[0]: warning: a cap of 1 point per activity is smaller than "
            + "what USD 1.00 earns under this rule (3 points), so the rule can never grant even "
            + "one ordinary earn in full",
        two + ": ok, 2 warnings");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isZero();
  }

  @Test
  void everyFileIsReadInOrderAndOneWithErrorsFailsTheRun() throws IOException {
    String good = write("good.program.yaml", VALID);
    String missing = dir.resolve("missing.program.yaml").toString();
    String warned = write("warned.program.yaml", VALID + CAP);
    CliRun run = CliRun.of("validate", good, missing, warned);
    assertThat(run.out).containsExactly(
        good + ": ok",
        missing + ": error: no such file",
        warned + ": " + CAP_WARNING,
        warned + ": ok, 1 warning");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aFileNamedLikeAnOptionFollowsDoubleDash() throws IOException {
    String file = write("-odd.program.yaml", VALID);
    CliRun run = CliRun.of("validate", "--", file);
    assertThat(run.out).containsExactly(file + ": ok");
    assertThat(run.status).isZero();
  }

  @Test
  void controlCharactersFromTheFileAreEscapedAndLineBreaksJoined() throws IOException {
    String file = write("ctl.program.json", """
        {"format": "loyalty-program/1", "id": "c", "name": "C", "currency": "USD",
         "zone": "UTC", "units": [{"id": "stars", "name": "Stars"}],
         "earnRules": [{"id": "base", "kind": "rate", "unit": "stars", "points": 2,
                        "per": 1.00}], "\\u001b[31mred\\nline": 1}
        """);
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).hasSize(1);
    assertThat(run.out.get(0)).startsWith(file + ": \\u001b[31mred line: error: "
        + "'\\u001b[31mred line' is not a field here;").doesNotContain("\u001b");
    assertThat(run.status).isEqualTo(1);
  }

  /** A file that cannot be read as a program at all: one line, status 1, within seconds. */
  static Stream<Arguments> unreadableFiles() {
    StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      laughs.append("]\n");
    }
    StringBuilder block = new StringBuilder("format: loyalty-program/1\n");
    for (int i = 0; i < 60; i++) {
      block.append("  ".repeat(i)).append("a:\n");
    }
    block.append("  ".repeat(60)).append("b: 1\n");
    return Stream.of(
        Arguments.of("an empty file", "empty.program.yaml", new byte[0],
            "error: the file is empty"),
        Arguments.of("a blank file", "blank.program.yaml", bytes(" \n\t\n  \n"),
            "error: the file is empty"),
        Arguments.of("a byte order mark alone", "bom.program.yaml",
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "error: the file is empty"),
        Arguments.of("malformed YAML", "bad.program.yaml",
            bytes("format: loyalty-program/1\nunits: [stars\n"),
            "error: line 2, column 14: the file is not valid YAML: while parsing a flow "
                + "sequence; expected ',' or ']', but got <stream end>"),
        Arguments.of("malformed JSON", "bad.program.json",
            bytes("{\"format\": \"loyalty-program/1\",\n \"id\": }\n"),
            "error: line 2, column 8: the file is not valid JSON: Unexpected character ('}' "
                + "(code 125)): expected a valid value (JSON String, Number, Array, Object or "
                + "token 'null', 'true' or 'false')"),
        Arguments.of("a duplicate key", "twice.program.yaml",
            bytes("format: loyalty-program/1\nid: a\nid: b\n"),
            "error: line 3, column 3: the file is not valid YAML: Duplicate Object property "
                + "\"id\""),
        Arguments.of("binary garbage", "garbage.program.yaml",
            new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0x89, 'P', 'N', 'G', 0},
            "error: line 1: the file is not UTF-8 text (byte 0x89 at offset 8)"),
        Arguments.of("binary that is valid UTF-8", "nul.program.yaml",
            bytes("format\u0000: loyalty-program/1\n"),
            "error: the file is binary, not YAML text (it holds a NUL character)"),
        Arguments.of("Latin-1 on line 3", "latin.program.yaml",
            bytes("format: loyalty-program/1\nid: cafe\nname: Caf\u00e9\n", "ISO-8859-1"),
            "error: line 3: the file is not UTF-8 text (byte 0xE9 at offset 44)"),
        Arguments.of("UTF-8 cut off at the end", "cut.program.yaml",
            new byte[] {'i', 'd', ':', ' ', 'c', (byte) 0xC3},
            "error: line 1: the file is not UTF-8 text (byte 0xC3 at offset 5)"),
        Arguments.of("a list at the top", "list.program.yaml", bytes("- 1\n- 2\n"),
            "error: a program file is a mapping of fields (format, id, currency, zone, units, "
                + "earnRules, ...), but this one holds a list"),
        Arguments.of("a single value at the top", "one.program.yaml", bytes("42\n"),
            "error: a program file is a mapping of fields (format, id, currency, zone, units, "
                + "earnRules, ...), but this one holds a single value"),
        Arguments.of("a JSON list at the top", "list.program.json", bytes("[1, 2]"),
            "error: a program file is a mapping of fields (format, id, currency, zone, units, "
                + "earnRules, ...), but this one holds a list"),
        Arguments.of("a YAML anchor and alias", "anchor.program.yaml",
            bytes("format: loyalty-program/1\nid: &x coffee\nname: *x\n"),
            "error: line 2, column 5: YAML anchors and aliases (& and *) are not allowed in "
                + "program files; write each value out"),
        Arguments.of("a recursive alias", "recursive.program.yaml", bytes("a: &a [*a]\n"),
            "error: line 1, column 4: YAML anchors and aliases (& and *) are not allowed in "
                + "program files; write each value out"),
        Arguments.of("exponential aliases", "laughs.program.yaml", bytes(laughs.toString()),
            "error: line 1, column 4: YAML anchors and aliases (& and *) are not allowed in "
                + "program files; write each value out"),
        Arguments.of("100,000 nested YAML lists", "deep.program.yaml",
            bytes("a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"),
            "error: the file is not valid YAML: it nests deeper than 40 levels"),
        Arguments.of("60 nested YAML mappings", "deep-block.program.yaml",
            bytes(block.toString()),
            "error: the file is not valid YAML: it nests deeper than 40 levels"),
        Arguments.of("100,000 nested JSON objects", "deep.program.json",
            bytes("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)),
            "error: the file is not valid JSON: it nests deeper than 40 levels"),
        Arguments.of("2 MB: under the command's limit, over the library's", "big.program.yaml",
            bytes("#".repeat(2_000_000) + "\n"),
            "error: the file is 2,000,001 characters long; at most 1,000,000 are read"),
        Arguments.of("a name that says no syntax", "coffee.txt", bytes(VALID),
            "error: the name does not say the syntax: a program file's name ends in .yaml, "
                + ".yml or .json"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static byte[] bytes(String text, String charset) {
    return text.getBytes(java.nio.charset.Charset.forName(charset));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void aFileThatCannotBeReadIsOneLine(String what, String name, byte[] bytes, String line)
      throws IOException {
    String file = write(name, bytes);
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> CliRun.of("validate", file));
    assertThat(run.out).containsExactly(file + ": " + line);
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aMissingFile() {
    String file = dir.resolve("nowhere.program.yaml").toString();
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).containsExactly(file + ": error: no such file");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aMissingDirectory() {
    String file = dir.resolve("nowhere/coffee.program.yaml").toString();
    CliRun run = CliRun.of("validate", file);
    assertThat(run.out).containsExactly(file + ": error: no such file");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aDirectory() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("programs.yaml"));
    CliRun run = CliRun.of("validate", sub.toString());
    assertThat(run.out).containsExactly(sub + ": error: is a directory, not a file");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void aDeviceIsNotARegularFile() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> CliRun.of("validate", "/dev/zero"));
    assertThat(run.out).containsExactly("/dev/zero: error: is not a regular file");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void anUnreadableFile() throws IOException {
    Path file = Path.of(write("locked.program.yaml", VALID));
    assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX files");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(file), "not running as root, who reads every file");
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.out).containsExactly(file + ": error: permission denied");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void anIoFailureIsOneLineWithoutTheFileName() {
    assertThat(TextFiles.describe(new NoSuchFileException("/x/a.yaml"))).isEqualTo("no such file");
    assertThat(TextFiles.describe(new AccessDeniedException("/x/a.yaml")))
        .isEqualTo("permission denied");
    assertThat(TextFiles.describe(new FileSystemException("/x/a.yaml", null, "Is a directory")))
        .isEqualTo("cannot be read: Is a directory");
    assertThat(TextFiles.describe(new IOException("Input/output error\nat sector 7")))
        .isEqualTo("cannot be read: Input/output error at sector 7");
    assertThat(TextFiles.describe(new IOException())).isEqualTo("cannot be read: IOException");
  }

  @Test
  void a50MegabyteFileIsRefusedBeforeReading() throws IOException {
    Path file = dir.resolve("huge.program.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(50L * 1024 * 1024);
    }
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> CliRun.of("validate", file.toString()));
    assertThat(run.out).containsExactly(
        file + ": error: the file is 52,428,800 bytes; at most 10,485,760 (10 MB) are read");
    assertThat(run.err).isEmpty();
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void tenMegabytesAreReadAndOneByteMoreIsNot() throws IOException {
    byte[] limit = ("#".repeat(TextFiles.MAX_BYTES - 1) + "\n").getBytes(UTF_8);
    String atLimit = write("limit.program.yaml", limit);
    byte[] over = ("#".repeat(TextFiles.MAX_BYTES) + "\n").getBytes(UTF_8);
    String overLimit = write("over.program.yaml", over);
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> CliRun.of("validate", atLimit, overLimit));
    assertThat(run.out).containsExactly(
        atLimit + ": error: the file is 10,485,760 characters long; at most 1,000,000 are read",
        overLimit + ": error: the file is 10,485,761 bytes; at most 10,485,760 (10 MB) are read");
    assertThat(run.status).isEqualTo(1);
  }

  @Test
  void longMessagesAreCutAndLineBreaksJoined() {
    assertThat(Report.oneLine("a\r\n  b\n\nc\td")).isEqualTo("a b c d");
    assertThat(Report.oneLine("x".repeat(1_500))).isEqualTo("x".repeat(1_000) + "…");
    assertThat(Report.oneLine("x".repeat(1_000))).isEqualTo("x".repeat(1_000));
    assertThat(Report.oneLine("bell\u0007")).isEqualTo("bell\\u0007");
    assertThat(Report.oneLine("a \u2028 b\u001cc\u0085")).isEqualTo("a b\\u001cc");
    String spaces = "x" + " ".repeat(2_000_000) + "y";
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Report.oneLine(spaces)))
        .isEqualTo("x" + " ".repeat(999) + "…");
  }
}
