package org.loyaltyrules.rules.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits expression text into tokens, one at a time, refusing any character the language does
 * not have. Bounded: text longer than {@link #MAX_LENGTH} characters is refused before anything
 * is read, and reading stops at {@link #MAX_TOKENS} tokens. One lexer per text; not
 * thread-safe.
 */
final class Lexer {
  /** The longest expression text accepted, in characters. */
  static final int MAX_LENGTH = 2_000;
  /** The most tokens an expression may have. */
  static final int MAX_TOKENS = 500;

  private static final Set<String> TWO_CHAR = Set.of("==", "!=", "<=", ">=", "&&", "||");
  private static final String ONE_CHAR = "+-*/%()<>!?:,.";

  private final String text;
  private int i;
  private int line = 1;
  private int lineStart;
  private int count;

  /**
   * Starts reading {@code text}; tokens are read one at a time, so the first problem in reading
   * order is the one reported.
   */
  Lexer(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new ExpressionException(1, 1, "the expression is " + text.length()
          + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    this.text = text;
  }

  /** Reads every token; for tests. */
  static List<Token> tokens(String text) {
    Lexer lexer = new Lexer(text);
    List<Token> tokens = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      tokens.add(t);
    } while (t.kind() != Token.Kind.END);
    return tokens;
  }

  /** Returns the next token, or the end token once the text is read. */
  Token next() {
    while (i < text.length()) {
      char c = text.charAt(i);
      Position at = new Position(line, i - lineStart + 1);
      if (c == '\n') {
        line++;
        i++;
        lineStart = i;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      if (++count > MAX_TOKENS) {
        throw at.error("the expression has more than " + MAX_TOKENS + " tokens");
      }
      if (isDigit(c)) {
        int start = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
          i++;
        }
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
          i++;
          while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
          }
        }
        if (i < text.length() && Character.isLetter(text.charAt(i))) {
          throw new Position(line, i - lineStart + 1).error("a number cannot be followed by '"
              + text.charAt(i) + "'");
        }
        if (i - start > 30) {
          throw at.error("a number has at most 30 digits");
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, i), at);
      } else if (isNameStart(c)) {
        int start = i;
        while (i < text.length() && isNamePart(text.charAt(i))) {
          i++;
        }
        return new Token(Token.Kind.NAME, text.substring(start, i), at);
      } else if (c == '\'') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length() || text.charAt(i) == '\n') {
            throw at.error("a string is not closed with '");
          }
          char s = text.charAt(i);
          if (s == '\\') {
            if (i + 1 < text.length() && (text.charAt(i + 1) == '\'' || text.charAt(i + 1)
                == '\\')) {
              value.append(text.charAt(i + 1));
              i += 2;
              continue;
            }
            throw new Position(line, i - lineStart + 1).error(
                "only \\' and \\\\ may be escaped in a string");
          }
          if (s == '\'') {
            i++;
            break;
          }
          value.append(s);
          i++;
        }
        return new Token(Token.Kind.STRING, value.toString(), at);
      } else if (i + 1 < text.length() && TWO_CHAR.contains(text.substring(i, i + 2))) {
        i += 2;
        return new Token(Token.Kind.OPERATOR, text.substring(i - 2, i), at);
      } else if (ONE_CHAR.indexOf(c) >= 0) {
        i++;
        return new Token(Token.Kind.OPERATOR, String.valueOf(c), at);
      } else {
        throw at.error(describe(text, i));
      }
    }
    return new Token(Token.Kind.END, "", new Position(line, i - lineStart + 1));
  }

  private static String describe(String text, int i) {
    char c = text.charAt(i);
    if (c == '=') {
      return "'=' is not an operator of the language (assignment is not allowed; compare with "
          + "'==')";
    }
    if (c == '~') {
      return "'~' is not an operator of the language (regular expressions are not allowed)";
    }
    if (c == '{' || c == '}' || c == ';') {
      return "'" + c + "' is not part of the language (blocks and statements are not allowed)";
    }
    if (c == '"') {
      return "strings are written in single quotes, not '\"'";
    }
    return String.format(java.util.Locale.ROOT, "'%s' (U+%04X) is not part of the language",
        Character.isISOControl(c) ? "?" : String.valueOf(c), (int) c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
