package org.loyaltyrules.rules.expression;

/**
 * One token of expression text. Immutable.
 *
 * @param kind what it is
 * @param text the text it was read from (a string literal's value, unquoted)
 * @param at where it starts
 */
record Token(Kind kind, String text, Position at) {
  enum Kind {
    NUMBER, STRING, NAME, OPERATOR, END
  }

  boolean is(String operator) {
    return kind == Kind.OPERATOR && text.equals(operator);
  }

  String describe() {
    return switch (kind) {
      case END -> "the end of the expression";
      case STRING -> "'" + text + "'";
      default -> "'" + text + "'";
    };
  }
}
