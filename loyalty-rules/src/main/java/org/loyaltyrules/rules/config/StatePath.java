package org.loyaltyrules.rules.config;

import java.util.regex.Pattern;

/**
 * Where a value sits in a state document, for error messages: {@code ledger.lots[3].amount}.
 * Property names that are not plain identifiers are quoted, as in
 * {@code progress["spend/five-per-35"]}; the document itself is the empty path.
 *
 * <p>Immutable and thread-safe.
 */
final class StatePath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final StatePath ROOT = new StatePath("");

  private final String text;

  private StatePath(String text) {
    this.text = text;
  }

  /** Returns the path of the document itself. */
  static StatePath root() {
    return ROOT;
  }

  /** Returns the path of a property of the value at this path. */
  StatePath field(String name) {
    if (PLAIN.matcher(name).matches()) {
      return new StatePath(text.isEmpty() ? name : text + "." + name);
    }
    return new StatePath(text + "[" + quote(name) + "]");
  }

  /** Returns the path of an element of the array at this path. */
  StatePath index(int index) {
    return new StatePath(text + "[" + index + "]");
  }

  /** Returns the path as text; empty for the document itself. */
  @Override
  public String toString() {
    return text;
  }

  /** Returns {@code value} as a JSON string literal, at most 60 characters of it. */
  static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
