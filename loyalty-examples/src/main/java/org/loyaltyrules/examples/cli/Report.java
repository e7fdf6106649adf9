package org.loyaltyrules.examples.cli;

import java.util.Locale;
import org.loyaltyrules.core.program.Problem;

/**
 * The lines the commands print, one per finding, each starting with the file as it was named
 * on the command line, so {@code grep} finds them:
 *
 * <pre>
 * FILE: PATH: error: MESSAGE      a problem at PATH in the file
 * FILE: PATH: warning: MESSAGE    a warning at PATH in the file
 * FILE: error: MESSAGE            the file as a whole (missing, too large, malformed, ...)
 * </pre>
 *
 * <p>Messages are put on one line and control characters escaped, so a file's text cannot
 * break a line or drive the terminal.
 */
final class Report {
  /** The path the library gives a problem of the whole file. */
  private static final String WHOLE_FILE = "(file)";
  /** The longest message printed, in characters. */
  private static final int MAX_CHARS = 1_000;

  private Report() {}

  /** {@code FILE: PATH: error: MESSAGE}, or {@code FILE: error: MESSAGE} for the whole file. */
  static String problem(String file, Problem problem) {
    String where = problem.path().equals(WHOLE_FILE) ? "" : oneLine(problem.path()) + ": ";
    return file + ": " + where + problem.severity().name().toLowerCase(Locale.ROOT) + ": "
        + oneLine(problem.message());
  }

  /** {@code FILE: error: MESSAGE}: the file as a whole. */
  static String fileError(String file, String message) {
    return file + ": error: " + oneLine(message);
  }

  /** {@code N thing} or {@code N things}. */
  static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }

  /** What a throwable says, on one line, naming its type. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
  }

  /**
   * The text on one line, in one pass: each line break and the blanks around it become one
   * space, a tab a space, other control characters a backslash-u escape with four hexadecimal
   * digits; cut after 1,000 characters.
   */
  static String oneLine(String text) {
    String s = text.strip();
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CHARS + 8));
    int i = 0;
    while (i < s.length() && out.length() < MAX_CHARS) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1);
        }
        while (i < s.length() && (isLineBreak(s.charAt(i)) || s.charAt(i) == ' '
            || s.charAt(i) == '\t')) {
          i++;
        }
        if (i < s.length()) {
          out.append(' ');
        }
        continue;
      }
      if (c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
      i++;
    }
    return i < s.length() ? out + "…" : out.toString();
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u0085'
        || c == '\u2028' || c == '\u2029';
  }
}
