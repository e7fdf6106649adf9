package org.loyaltyrules.rules;

import java.util.ArrayList;
import java.util.List;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;

/**
 * The entry point: compiles a {@link Program} into a {@link CompiledProgram} that decides
 * activities.
 *
 * <pre>{@code
 * CompiledProgram compiled = LoyaltyRules.compile(program);   // once, shared by every thread
 * Decision decision = compiled.decide(programState, member, activity, now, random);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LoyaltyRules {
  private LoyaltyRules() {}

  /**
   * Compiles a program. The program was already checked for consistency when it was built;
   * compiling also refuses what this version cannot yet decide, so a program never silently
   * loses part of what it declares.
   *
   * @param program the program
   * @return the compiled program, immutable and safe to share between threads
   * @throws InvalidProgramException listing every part of the program this version cannot
   *     decide, each with its path
   * @throws IllegalArgumentException if the program is null
   */
  public static CompiledProgram compile(Program program) {
    if (program == null) {
      throw new IllegalArgumentException("program must not be null");
    }
    List<Problem> problems = new ArrayList<>();
    RuleBook book = RuleBook.compile(program, problems);
    if (!problems.isEmpty()) {
      throw new InvalidProgramException(program.id().value(), problems);
    }
    return new CompiledProgram(program, book);
  }
}
