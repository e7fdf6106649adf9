package org.loyaltyrules.rules.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.spi.Extensions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes program files: a program as YAML ({@code *.program.yaml}) or JSON
 * ({@code *.program.json}) text in the versioned format {@value ProgramDefinition#FORMAT}.
 *
 * <pre>{@code
 * ProgramFile file = ProgramFiles.read(text, ProgramFiles.Syntax.YAML);
 * file.problems().forEach(System.out::println);   // every problem, with its path
 * CompiledProgram compiled = LoyaltyRules.compile(file.program());
 * }</pre>
 *
 * <p>Reading never throws for what the text says: an empty or malformed file, a YAML anchor, an
 * unknown field, a bad value, an undefined reference or an expression that does not check each
 * become a {@link Problem} with its path and severity. The checks run in stages — the text
 * itself, its shape against the JSON Schema ({@link #schema()}), then those a program built in
 * Java goes through ({@link Program.Builder#build()} and
 * {@link org.loyaltyrules.rules.LoyaltyRules#compile}) — and each stage reports every problem
 * it finds at once; a later stage runs when the earlier ones found no error.
 * No I/O: the caller reads the file.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgramFiles {
  /** The syntax of a program file. */
  public enum Syntax {
    /** YAML 1.2, without anchors and aliases. */
    YAML,
    /** JSON. */
    JSON;

    /**
     * Returns the syntax a file's name says: {@code .json} for JSON, {@code .yaml} or
     * {@code .yml} for YAML.
     *
     * @throws IllegalArgumentException naming the file if its name says neither
     */
    public static Syntax of(String fileName) {
      if (fileName == null) {
        throw new IllegalArgumentException("file name must not be null");
      }
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".json")) {
        return JSON;
      }
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        return YAML;
      }
      throw new IllegalArgumentException("'" + fileName + "' is neither .yaml, .yml nor .json");
    }

    @Override
    public String toString() {
      return name();
    }
  }

  private ProgramFiles() {}

  /**
   * Reads a program file whose rules name no Java extensions.
   *
   * @param text the file's text
   * @param syntax its syntax
   * @return the file as read: its problems and, if none is an error, its program
   * @throws IllegalArgumentException if an argument is null
   */
  public static ProgramFile read(String text, Syntax syntax) {
    return read(text, syntax, Extensions.none());
  }

  /**
   * Reads a program file whose rules and conditions may name Java extensions.
   *
   * @param text the file's text
   * @param syntax its syntax
   * @param extensions the extensions its custom rules and conditions name
   * @return the file as read: its problems and, if none is an error, its program
   * @throws IllegalArgumentException if an argument is null
   */
  public static ProgramFile read(String text, Syntax syntax, Extensions extensions) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    if (syntax == null) {
      throw new IllegalArgumentException("syntax must not be null");
    }
    if (extensions == null) {
      throw new IllegalArgumentException("extensions must not be null");
    }
    JsonNode tree;
    try {
      tree = Documents.read(text, syntax);
    } catch (Documents.BadDocument e) {
      return ProgramFile.of(List.of(new Problem("(file)", e.getMessage())), null);
    }
    if (!tree.isObject()) {
      return ProgramFile.of(List.of(new Problem("(file)", "a program file is a mapping of "
          + "fields (format, id, currency, zone, units, earnRules, ...), but this one holds "
          + (tree.isArray() ? "a list" : "a single value"))), null);
    }
    JsonNode format = tree.get("format");
    if (format == null) {
      return ProgramFile.of(List.of(new Problem("format", "is required; a program file "
          + "starts with 'format: " + ProgramDefinition.FORMAT + "'")), null);
    }
    if (!format.isString() || !format.asString().equals(ProgramDefinition.FORMAT)) {
      String shown = format.isString() ? "'" + format.asString() + "'"
          : format.isContainer() ? (format.isArray() ? "a list" : "a mapping")
          : format.toString();
      return ProgramFile.of(List.of(new Problem("format", shown + " is not a format this "
          + "version reads; it reads " + ProgramDefinition.FORMAT)), null);
    }
    List<Problem> outOfRange = Numbers.outOfRange(tree);
    if (!outOfRange.isEmpty()) {
      return ProgramFile.of(outOfRange, null);
    }
    List<Problem> problems = new ArrayList<>(SchemaCheck.program().check(tree));
    if (problems.stream().anyMatch(Problem::isError)) {
      return ProgramFile.of(problems, null);
    }
    ProgramDefinition definition;
    try {
      definition = Documents.mapper(syntax).treeToValue(tree, ProgramDefinition.class);
    } catch (JacksonException e) {
      problems.add(new Problem("(file)", "the file does not fit the program format: "
          + e.getOriginalMessage()));
      return ProgramFile.of(problems, null);
    }
    Map.Entry<Optional<Program>, List<Problem>> converted =
        ProgramConverter.toProgram(definition, extensions);
    problems.addAll(converted.getValue());
    return ProgramFile.of(problems, converted.getKey().orElse(null));
  }

  /**
   * Writes a program as a program file: the fields it sets, defaults left out, in the order the
   * format documents them. Reading the text back gives an equal program.
   *
   * @param program the program
   * @param syntax the syntax to write
   * @return the file's text
   * @throws IllegalArgumentException if an argument is null
   */
  public static String write(Program program, Syntax syntax) {
    if (program == null) {
      throw new IllegalArgumentException("program must not be null");
    }
    if (syntax == null) {
      throw new IllegalArgumentException("syntax must not be null");
    }
    return Documents.write(ProgramConverter.toDefinition(program), syntax);
  }

  /** Returns the JSON Schema of program files (draft 2020-12), for editors and other tools. */
  public static String schema() {
    return SchemaCheck.program().text();
  }
}
