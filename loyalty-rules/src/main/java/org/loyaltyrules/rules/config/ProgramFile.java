package org.loyaltyrules.rules.config;

import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;

/**
 * A program file as read by {@link ProgramFiles#read}: every problem found, each with its path
 * and severity, and the program if none of them is an error.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProgramFile {
  private final List<Problem> problems;
  private final Program program;

  private ProgramFile(List<Problem> problems, Program program) {
    this.problems = List.copyOf(problems);
    this.program = program;
  }

  static ProgramFile of(List<Problem> problems, Program program) {
    return new ProgramFile(problems, program);
  }

  /**
   * Returns every problem found, errors and warnings: those of the stage that found them (the
   * text, its shape against the schema, then what the program means), in order of path.
   */
  public List<Problem> problems() {
    return problems;
  }

  /** Returns the errors: what must be fixed before the program can be used. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  /** Returns the warnings: what works, but probably not as meant. */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** Returns true if the file has no errors, so {@link #program()} returns its program. */
  public boolean isValid() {
    return program != null;
  }

  /**
   * Returns the program.
   *
   * @throws InvalidProgramException listing every error if the file has any
   */
  public Program program() {
    if (program == null) {
      throw new InvalidProgramException("in the file", errors());
    }
    return program;
  }

  /** Returns the program, or empty if the file has errors. */
  public Optional<Program> programIfValid() {
    return Optional.ofNullable(program);
  }

  @Override
  public String toString() {
    return isValid() ? "program file of " + program.id() + " with " + problems.size()
        + " warning" + (problems.size() == 1 ? "" : "s") : "program file with " + problems.size()
        + " problem" + (problems.size() == 1 ? "" : "s");
  }
}
