package org.loyaltyrules.bench;

import java.util.concurrent.TimeUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading, validating and compiling a program file of 1,000 earn rules
 * ({@link LargeProgramFile}, about 8,000 lines of YAML), as a host does when it loads or reloads
 * a program. The text is written once, in the setup; each call reads it from the string.
 *
 * <p>{@link #readAndCompile} is what the target (under 1 s) is about: parsing the YAML,
 * checking the tree against the program file's JSON Schema, binding and converting it into a
 * {@link Program} with every semantic check, then {@link LoyaltyRules#compile}, which checks the
 * program again and parses, type-checks and compiles each expression. {@link #readOnly} and
 * {@link #compileOnly} split that cost in two. {@link #readAndCompileCold} is the same as
 * {@link #readAndCompile}, once, in a fresh JVM: what a service pays at start-up, class loading
 * and interpretation included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProgramFileBenchmark {
  /** The number of earn rules in the file. */
  static final int RULES = 1_000;

  private String text;

  /**
   * Writes the file's text. Nothing is read here, so that {@link #readAndCompileCold} finds the
   * library's classes unloaded.
   */
  @Setup
  public void setUp() {
    text = LargeProgramFile.yaml(RULES);
  }

  /** The program read from the file once, for {@link #compileOnly}. */
  @State(Scope.Benchmark)
  public static class Read {
    Program program;

    /** Writes and reads the file. */
    @Setup
    public void setUp() {
      program = ProgramFiles.read(LargeProgramFile.yaml(RULES), ProgramFiles.Syntax.YAML)
          .program();
    }
  }

  /** Reads, validates and compiles the file. */
  @Benchmark
  public CompiledProgram readAndCompile() {
    return LoyaltyRules.compile(ProgramFiles.read(text, ProgramFiles.Syntax.YAML).program());
  }

  /** Only reads and validates the file: YAML, schema, binding and the program's checks. */
  @Benchmark
  public ProgramFile readOnly() {
    return ProgramFiles.read(text, ProgramFiles.Syntax.YAML);
  }

  /** Only compiles the program already read. */
  @Benchmark
  public CompiledProgram compileOnly(Read read) {
    return LoyaltyRules.compile(read.program);
  }

  /** Reads, validates and compiles the file once, in a fresh JVM: the start-up cost. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public CompiledProgram readAndCompileCold() {
    return readAndCompile();
  }
}
