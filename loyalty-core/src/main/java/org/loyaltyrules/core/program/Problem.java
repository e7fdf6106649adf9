package org.loyaltyrules.core.program;

import org.loyaltyrules.core.internal.Checks;

/**
 * One problem found in a program: where, as a path into the program ({@code rewards[2].unit}),
 * and what is wrong, naming the bad value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path where the problem is
 * @param message what is wrong
 */
public record Problem(String path, String message) {
  /** Validates the parts; throws {@link IllegalArgumentException} if either is blank. */
  public Problem {
    Checks.text(path, "problem path");
    Checks.text(message, "problem message");
  }

  /** Returns {@code path: message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
