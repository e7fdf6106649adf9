package org.loyaltyrules.core.program;

import org.loyaltyrules.core.internal.Checks;

/**
 * One problem found in a program: where, as a path into the program ({@code rewards[2].unit}),
 * how serious it is, and what is wrong, naming the bad value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path where the problem is
 * @param severity whether it stops the program from being used
 * @param message what is wrong
 */
public record Problem(String path, Severity severity, String message) {
  /** How serious a problem is. */
  public enum Severity {
    /** The program cannot be used until it is fixed. */
    ERROR,
    /** The program works, but probably not as its author meant. */
    WARNING
  }

  /** Validates the parts; throws {@link IllegalArgumentException} if one is null or blank. */
  public Problem {
    Checks.text(path, "problem path");
    Checks.present(severity, "problem severity");
    Checks.text(message, "problem message");
  }

  /**
   * Creates an error.
   *
   * @throws IllegalArgumentException if the path or message is blank
   */
  public Problem(String path, String message) {
    this(path, Severity.ERROR, message);
  }

  /**
   * Creates a warning.
   *
   * @throws IllegalArgumentException if the path or message is blank
   */
  public static Problem warning(String path, String message) {
    return new Problem(path, Severity.WARNING, message);
  }

  /** Returns true if this problem stops the program from being used. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Returns {@code path: message}, with {@code (warning)} after the path for a warning. */
  @Override
  public String toString() {
    return path + (severity == Severity.WARNING ? " (warning)" : "") + ": " + message;
  }
}
