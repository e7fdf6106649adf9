package org.loyaltyrules.rules;

import java.util.ArrayList;
import java.util.List;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.rules.spi.Extensions;

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
    return compile(program, Extensions.none());
  }

  /**
   * Compiles a program whose rules and conditions may name Java extensions.
   *
   * @param program the program
   * @param extensions the extensions its custom rules and conditions name, by kind
   * @return the compiled program, immutable and safe to share between threads; its
   *     {@link CompiledProgram#warnings() warnings} say what works but probably not as meant
   * @throws InvalidProgramException listing every part of the program this version cannot
   *     decide, every kind no extension is registered for, every extension that rejects its
   *     parameters, and every expression that does not check, each with its path
   * @throws IllegalArgumentException if an argument is null
   */
  public static CompiledProgram compile(Program program, Extensions extensions) {
    if (program == null) {
      throw new IllegalArgumentException("program must not be null");
    }
    if (extensions == null) {
      throw new IllegalArgumentException("extensions must not be null");
    }
    List<Problem> problems = new ArrayList<>();
    RuleBook book = RuleBook.compile(program, extensions, problems);
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new InvalidProgramException(program.id().value(), errors);
    }
    return new CompiledProgram(program, book, problems);
  }
}
