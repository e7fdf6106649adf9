package org.loyaltyrules.core.program;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import org.loyaltyrules.core.LoyaltyException;

/**
 * Thrown when a program's parts do not fit together: a reward paid in a unit the program does not
 * have, money in another currency, an id used twice. Carries <em>every</em> problem found, each
 * with its path, so one run shows the author all there is to fix.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidProgramException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param program the program's id, for the message
   * @param problems the problems found; at least one
   */
  public InvalidProgramException(String program, List<Problem> problems) {
    super("program " + program + " has " + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + ":\n  " + problems.stream().map(Problem::toString)
        .collect(Collectors.joining("\n  ")));
    this.problems = ImmutableList.copyOf(problems);
  }

  /** Returns every problem found, in the order of the program's parts. */
  public List<Problem> problems() {
    return problems;
  }
}
