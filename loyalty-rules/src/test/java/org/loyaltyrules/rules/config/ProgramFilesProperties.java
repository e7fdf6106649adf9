package org.loyaltyrules.rules.config;

import static org.loyaltyrules.rules.config.ProgramTextGenerator.javaString;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.rules.testing.CaseTimer;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.spi.Extensions;

/**
 * Properties of reading and writing program files ({@link ProgramFiles}) over generated
 * programs and generated text.
 *
 * <ol>
 *   <li>Every random valid program built through the Java API ({@link ProgramGenerator}), written
 *       as YAML and as JSON, reads back with no problem at all to an equal program, and writing
 *       that program again gives the same text.
 *   <li>A valid file after random edits of its text and of its tree
 *       ({@link ProgramTextGenerator#mutants()}) either loads — and then writing and reading it
 *       again gives an equal program — or is refused with errors, each problem with a non-blank
 *       path and message; reading never throws.
 *   <li>Random bytes and soups of YAML and JSON tokens, read as YAML and as JSON, are refused
 *       with problems (at {@code (file)} or deeper) or load, never throw.
 * </ol>
 *
 * <p>Six more properties guard what they once found, each fixed since: programs at the edges of
 * the model the Java API accepts survive a file ({@link #programsAtTheEdgesOfTheModelRoundTrip});
 * an emoji at offset 1024 of YAML reads ({@link #charactersOutsideTheBmpAnywhereInYamlAreRead},
 * a snakeyaml-engine bug fixed by 3.2); a number with a large exponent, a pseudo-currency such
 * as {@code XXX}, a format that is a list or a mapping and a top-level field with a blank name
 * are each refused with a problem, not thrown ({@link #numbersOfAnyMagnitudeAreRefusedNotThrown},
 * {@link #anyCurrencyOrZoneIsRefusedNotThrown}, {@link #aFormatOfAnyTypeIsRefusedNotThrown},
 * {@link #anUnknownFieldOfAnyNameIsRefusedNotThrown}).
 *
 * <p>Wherever a file may be refused, no problem's message may be longer than four times the
 * file plus 10,000 characters: a message may quote the file, not blow a short number up into
 * millions of digits.
 * Each case runs under a time limit of {@value #CASE_LIMIT_SECONDS} s on a worker thread, so a
 * hang fails the property instead of hanging the build. A falsified property prints the text it
 * read; QuickTheories prints the seed, which {@code mvn test -DargLine=-DQT_SEED=...} replays.
 */
class ProgramFilesProperties {
  /** The extensions the generated custom rules and conditions name. */
  private static final Extensions EXTENSIONS = ProgramFilesRoundTripTest.EXTENSIONS;
  /** Random programs, each written, read and written again in both syntaxes. */
  private static final int PROGRAM_EXAMPLES = 500;
  /** Edited files, each read once and, if it loads, written and read again. */
  private static final int MUTANT_EXAMPLES = 2_000;
  /** Random texts, each read as YAML and as JSON. */
  private static final int NOISE_EXAMPLES = 3_000;
  /** Enough shrinking to make a falsifying case small; it runs only on a failure. */
  private static final int SHRINK_CYCLES = 500;
  private static final long CASE_LIMIT_SECONDS = 5;

  /** Runs each case under the time limit, so that a case that hangs fails. */
  private static CaseTimer timer;

  @BeforeAll
  static void startTimer() {
    timer = new CaseTimer("program-file-property-case", Duration.ofSeconds(CASE_LIMIT_SECONDS));
  }

  @AfterAll
  static void stopTimer() {
    timer.close();
  }

  // ------------------------------------------------------------------------------------------
  // The properties
  // ------------------------------------------------------------------------------------------

  /**
   * A random valid program survives YAML and JSON: no problem, an equal program, the same text.
   */
  @Test
  void randomValidProgramsRoundTripThroughYamlAndJson() {
    qt().withExamples(PROGRAM_EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramGenerator.programs())
        .checkAssert(program -> bounded(() -> ProgramGenerator.describe(program),
            () -> roundTrips(program)));
  }

  /**
   * Once found: programs the Java API accepts at the edges of the model did not survive a file. A
   * multiplier or share of exactly 1 written with decimals ({@code 1.0}) is left out as the
   * default and read back as {@code 1}, an unequal {@code BigDecimal}; an activity horizon that
   * is not whole days is written as {@code PT36H}, which the schema refuses; a window after the
   * year 9999 is written as {@code +10000-01-01}, which the schema refuses; a tier or plan earn
   * multiplier below 1 is refused by the schema (minimum 1).
   */
  @Test
  void programsAtTheEdgesOfTheModelRoundTrip() {
    qt().withExamples(PROGRAM_EXAMPLES / 4).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramGenerator.programsAtTheEdges())
        .checkAssert(program -> bounded(() -> ProgramGenerator.describe(program),
            () -> roundTrips(program)));
  }

  /**
   * Once found: YAML with a character outside the Basic Multilingual Plane (an emoji, two UTF-16
   * chars) at offset 1024 of the text is refused with {@code (file): the file is not valid
   * YAML: Range [1025, 1025 + 1) out of bounds for length 1025}: the YAML engine
   * (snakeyaml-engine 3.0.1, {@code StreamReader.extendIfTrailingHighSurrogate}) fails when a
   * surrogate pair straddles its 1024-character buffer. Here a comment line in front of the
   * written file puts an emoji at each offset from 1016 to 1032.
   */
  @Test
  void charactersOutsideTheBmpAnywhereInYamlAreRead() {
    qt().withExamples(PROGRAM_EXAMPLES / 10).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramGenerator.programs())
        .checkAssert(program -> bounded(() -> ProgramGenerator.describe(program), () -> {
          String yaml = ProgramFiles.write(program, ProgramFiles.Syntax.YAML);
          for (int offset = 1_016; offset <= 1_032; offset++) {
            String text = "# " + "x".repeat(offset - 2) + "\uD83C\uDF89 party\n" + yaml;
            ProgramFile file = read(text, ProgramFiles.Syntax.YAML);
            if (!file.isValid() || !file.program().equals(program)) {
              throw new AssertionError("with an emoji at offset " + offset + " the YAML "
                  + (file.isValid() ? "reads as another program" : "is refused with "
                  + file.problems()) + ":\n" + text);
            }
          }
        }));
  }

  /** An edited file loads, and then survives another round, or gives problems; never throws. */
  @Test
  void editedFilesLoadOrGiveProblemsAndNeverThrow() {
    qt().withExamples(MUTANT_EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramTextGenerator.mutants())
        .checkAssert(m -> bounded(m::toString, () -> loadsOrExplains(m.text(), m.syntax())));
  }

  /**
   * Once found: a number in exponent form beyond the range of a long ({@code 1e19}, {@code 3E+400})
   * in a whole-number field with a minimum ({@code points}, {@code cost}, {@code periodsAfter},
   * ...) makes {@link ProgramFiles#read} throw the schema validator's
   * {@code JsonNodeException}; and one of a huge exponent in a decimal field gives a message with
   * all its digits ({@code 1e100000} a message of 100,000 characters, {@code 1e999999999} an
   * {@link OutOfMemoryError}).
   */
  @Test
  void numbersOfAnyMagnitudeAreRefusedNotThrown() {
    qt().withExamples(MUTANT_EXAMPLES / 10).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramTextGenerator.hugeNumbers())
        .checkAssert(m -> bounded(m::toString, () -> loadsOrExplains(m.text(), m.syntax())));
  }

  /**
   * Once found: a file whose currency is an ISO 4217 code without decimal places ({@code XXX},
   * {@code XAU}, {@code XDR}, ...) makes {@link ProgramFiles#read} throw the
   * {@code IllegalArgumentException} of {@code Program.builder}.
   */
  @Test
  void anyCurrencyOrZoneIsRefusedNotThrown() {
    qt().withExamples(MUTANT_EXAMPLES / 3).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramTextGenerator.anyCurrencyOrZone())
        .checkAssert(m -> bounded(m::toString, () -> loadsOrExplains(m.text(), m.syntax())));
  }

  /**
   * Once found: a file whose format is a list or a mapping ({@code format: []}) makes
   * {@link ProgramFiles#read} throw a {@code JsonNodeException} while it words the problem
   * ({@code format.asString()}).
   */
  @Test
  void aFormatOfAnyTypeIsRefusedNotThrown() {
    qt().withExamples(MUTANT_EXAMPLES / 10).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramTextGenerator.formatsOfAnyType())
        .checkAssert(m -> bounded(m::toString, () -> loadsOrExplains(m.text(), m.syntax())));
  }

  /**
   * Once found: a file with a top-level field whose name is blank ({@code "": x}) makes
   * {@link ProgramFiles#read} throw {@code IllegalArgumentException: problem path must not be
   * blank}: the schema check words it at the path {@code ""}.
   */
  @Test
  void anUnknownFieldOfAnyNameIsRefusedNotThrown() {
    qt().withExamples(MUTANT_EXAMPLES / 10).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramTextGenerator.unknownFieldsOfAnyName())
        .checkAssert(m -> bounded(m::toString, () -> loadsOrExplains(m.text(), m.syntax())));
  }

  /** Random bytes and token soups are refused with problems, or load; never throw. */
  @Test
  void randomTextIsRefusedWithProblemsAndNeverThrows() {
    qt().withExamples(NOISE_EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
        .forAll(ProgramTextGenerator.noise())
        .checkAssert(noise -> bounded(noise::toString, () -> {
          for (ProgramFiles.Syntax syntax : ProgramFiles.Syntax.values()) {
            loadsOrExplains(noise.text(), syntax);
          }
        }));
  }

  // ------------------------------------------------------------------------------------------
  // The checks
  // ------------------------------------------------------------------------------------------

  /** Writes, reads and writes again in both syntaxes; fails showing the text on any change. */
  private static void roundTrips(Program program) {
    for (ProgramFiles.Syntax syntax : ProgramFiles.Syntax.values()) {
      String text = ProgramFiles.write(program, syntax);
      ProgramFile file = read(text, syntax);
      if (!file.errors().isEmpty()) {
        throw new AssertionError("the " + syntax + " written for a valid program gives "
            + file.errors() + ":\n" + text);
      }
      Program back = file.program();
      if (!back.equals(program)) {
        throw new AssertionError("the " + syntax + " written for a program reads back as "
            + "another program (" + difference(program, back) + "):\n" + text);
      }
      String again = ProgramFiles.write(back, syntax);
      if (!again.equals(text)) {
        throw new AssertionError("the " + syntax + " written for a program is not written "
            + "again the same; first:\n" + text + "\nthen:\n" + again);
      }
    }
  }

  /**
   * Reads {@code text}: it loads, and then its program survives another write and read, or it
   * has errors; every problem has a path and a message of sensible length; nothing is thrown.
   */
  private static void loadsOrExplains(String text, ProgramFiles.Syntax syntax) {
    ProgramFile file = read(text, syntax);
    long longest = 4L * text.length() + 10_000;
    for (Problem p : file.problems()) {
      if (p.path() == null || p.path().isBlank() || p.message() == null
          || p.message().isBlank()) {
        throw new AssertionError("a problem without a path or message, " + show(p) + ", in "
            + syntax + " " + javaString(text));
      }
      if (p.message().length() > longest) {
        throw new AssertionError("a problem's message is " + p.message().length()
            + " characters long, " + show(p) + ", for " + syntax + " of " + text.length()
            + " characters " + javaString(text));
      }
    }
    if (!file.isValid()) {
      if (file.errors().isEmpty()) {
        throw new AssertionError("no program and no error, only " + file.problems() + ", for "
            + syntax + " " + javaString(text));
      }
      return;
    }
    if (!file.errors().isEmpty()) {
      throw new AssertionError("a program despite errors " + file.errors() + " for " + syntax
          + " " + javaString(text));
    }
    Program program = file.program();
    String written = ProgramFiles.write(program, syntax);
    ProgramFile again = read(written, syntax);
    if (!again.isValid() || !again.program().equals(program)) {
      throw new AssertionError(syntax + " that loads, written again, "
          + (again.isValid() ? "reads back as another program (" + difference(program,
              again.program()) + ")" : "is refused with " + again.problems())
          + "\nread:\n" + text + "\nwritten:\n" + written);
    }
    if (!ProgramFiles.write(again.program(), syntax).equals(written)) {
      throw new AssertionError(syntax + " that loads is not written the same twice:\n"
          + written);
    }
  }

  /** Reads text, turning anything thrown into a failure that shows the text. */
  private static ProgramFile read(String text, ProgramFiles.Syntax syntax) {
    try {
      return Objects.requireNonNull(ProgramFiles.read(text, syntax, EXTENSIONS),
          "ProgramFiles.read returned null");
    } catch (Throwable e) {
      throw new AssertionError("ProgramFiles.read threw " + e + " for " + syntax + ":\n"
          + text + "\n(as a Java string: " + javaString(text) + ")", e);
    }
  }

  private static String show(Problem p) {
    String message = p.message() == null ? "null" : p.message();
    return "path " + (p.path() == null ? "null" : javaString(p.path())) + ", message "
        + javaString(message.length() > 300 ? message.substring(0, 300) + "..." : message);
  }

  /** The first part in which two programs differ, with both values. */
  private static String difference(Program a, Program b) {
    List<Function<Program, Object>> parts = List.of(Program::id, Program::name,
        Program::currency, Program::zone, Program::activityHorizon, Program::earnPolicy,
        Program::segments, Program::units, Program::earnRules, Program::rewards,
        Program::offers, Program::tiers, Program::plans, Program::partners, Program::causes,
        Program::challenges, Program::pointsPayment);
    List<String> names = List.of("id", "name", "currency", "zone", "activityHorizon",
        "earnPolicy", "segments", "units", "earnRules", "rewards", "offers", "tiers", "plans",
        "partners", "causes", "challenges", "pointsPayment");
    for (int i = 0; i < parts.size(); i++) {
      Object x = parts.get(i).apply(a);
      Object y = parts.get(i).apply(b);
      if (!x.equals(y)) {
        return names.get(i) + " was " + x + ", is " + y;
      }
    }
    return "no part differs";
  }

  // ------------------------------------------------------------------------------------------
  // Time limits
  // ------------------------------------------------------------------------------------------

  private static void bounded(Supplier<String> what, Runnable check) {
    timer.run(what, check);
  }

}
