package org.loyaltyrules.examples.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.rules.config.ProgramFile;
import org.loyaltyrules.rules.config.ProgramFiles;

/**
 * {@code validate PROGRAM_FILE...}: reads each program file and prints its problems, then
 * {@code FILE: ok} or {@code FILE: ok, N warnings} for one without errors (see {@link Report}).
 */
final class ValidateCommand {
  private ValidateCommand() {}

  /** Validates the files in order; returns 0 if none has an error, 1 otherwise. */
  static int run(List<String> files, PrintWriter out) {
    boolean allValid = true;
    for (String file : files) {
      allValid &= validate(file, out);
    }
    return allValid ? 0 : 1;
  }

  /** Validates one file, printing its lines; returns true if it has no errors. */
  private static boolean validate(String file, PrintWriter out) {
    Optional<ProgramFile> found = read(file, out);
    if (found.isEmpty()) {
      return false;
    }
    ProgramFile read = found.get();
    for (Problem problem : read.problems()) {
      out.println(Report.problem(file, problem));
    }
    if (!read.errors().isEmpty()) {
      return false;
    }
    int warnings = read.warnings().size();
    out.println(file + ": ok" + (warnings == 0 ? "" : ", " + Report.count(warnings, "warning")));
    return true;
  }

  /**
   * Reads a program file as named on the command line; if it cannot be read as one at all
   * (missing, unreadable, a name that says no syntax, a bug), prints one line saying why to
   * {@code to} and returns empty. The file's own problems are in what it returns.
   */
  static Optional<ProgramFile> read(String file, PrintWriter to) {
    Path path;
    String text;
    try {
      path = Path.of(file);
      text = TextFiles.read(path);
    } catch (InvalidPathException e) {
      to.println(Report.fileError(file, "not a valid path: " + e.getReason()));
      return Optional.empty();
    } catch (TextFiles.Unreadable e) {
      to.println(Report.fileError(file, e.getMessage()));
      return Optional.empty();
    }
    Path name = path.getFileName();
    ProgramFiles.Syntax syntax;
    try {
      syntax = ProgramFiles.Syntax.of(name == null ? file : name.toString());
    } catch (IllegalArgumentException e) {
      to.println(Report.fileError(file, "the name does not say the syntax: a program file's "
          + "name ends in .yaml, .yml or .json"));
      return Optional.empty();
    }
    try {
      return Optional.of(ProgramFiles.read(text, syntax));
    } catch (RuntimeException | StackOverflowError e) {
      // ProgramFiles.read reports what the text says as problems; this is a bug, still one line.
      to.println(Report.fileError(file, "the file could not be checked: " + Report.describe(e)));
      return Optional.empty();
    }
  }
}
