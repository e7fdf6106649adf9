package org.loyaltyrules.rules.expression;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allowlist of functions, each with its fixed parameter types and result type. Nothing
 * outside it can be called. Immutable.
 */
final class Functions {
  /** What a function reads besides its arguments. */
  enum Reads {
    /** Nothing: a pure function of its arguments. */
    NOTHING,
    /** The member. */
    MEMBER,
    /** The current line of an aggregate. */
    LINE,
    /** The order's lines: an aggregate, whose arguments are read once per line. */
    LINES,
    /** Nothing at run time: its argument is a literal read when the expression is compiled. */
    LITERAL
  }

  /**
   * A function's signature.
   *
   * @param name its name
   * @param parameters the types of its parameters
   * @param result the type of its result
   * @param reads what it reads besides its arguments
   * @param doc what it returns, for messages and the documentation
   */
  record Signature(String name, List<Type> parameters, Type result, Reads reads, String doc) {
    int arity() {
      return parameters.size();
    }
  }

  private static final Type N = Type.NUMBER;
  private static final Type S = Type.STRING;
  private static final Type B = Type.BOOLEAN;
  private static final Type D = Type.DATE;

  /** Every function, by name, in the order the documentation lists them. */
  static final Map<String, Signature> ALL = index(
      new Signature("min", List.of(N, N), N, Reads.NOTHING, "the smaller of two numbers"),
      new Signature("max", List.of(N, N), N, Reads.NOTHING, "the larger of two numbers"),
      new Signature("abs", List.of(N), N, Reads.NOTHING, "a number without its sign"),
      new Signature("floor", List.of(N), N, Reads.NOTHING,
          "the largest whole number not above a number"),
      new Signature("ceil", List.of(N), N, Reads.NOTHING,
          "the smallest whole number not below a number"),
      new Signature("round", List.of(N), N, Reads.NOTHING,
          "the nearest whole number, halves away from zero"),
      new Signature("date", List.of(S), D, Reads.LITERAL,
          "the date written as a literal 'yyyy-mm-dd'"),
      new Signature("year", List.of(D), N, Reads.NOTHING, "a date's year"),
      new Signature("month", List.of(D), N, Reads.NOTHING, "a date's month, 1 to 12"),
      new Signature("day", List.of(D), N, Reads.NOTHING, "a date's day of the month, 1 to 31"),
      new Signature("dayOfWeek", List.of(D), N, Reads.NOTHING,
          "a date's day of the week, 1 (Monday) to 7 (Sunday)"),
      new Signature("daysBetween", List.of(D, D), N, Reads.NOTHING,
          "the days from the first date to the second; negative if the second is earlier"),
      new Signature("inSegment", List.of(S), B, Reads.MEMBER,
          "whether the member is in the segment"),
      new Signature("hasPlan", List.of(S), B, Reads.MEMBER,
          "whether the member holds the paid membership plan"),
      new Signature("attribute", List.of(S), S, Reads.MEMBER,
          "the member's attribute of that name; '' if it has none"),
      new Signature("hasTag", List.of(S), B, Reads.LINE, "whether the line has the tag"),
      new Signature("count", List.of(B), N, Reads.LINES,
          "the number of the order's lines for which the condition holds"),
      new Signature("sum", List.of(N, B), N, Reads.LINES,
          "the sum of the value over the order's lines for which the condition holds"),
      new Signature("any", List.of(B), B, Reads.LINES,
          "whether the condition holds for at least one of the order's lines"),
      new Signature("all", List.of(B), B, Reads.LINES,
          "whether the condition holds for every one of the order's lines"));

  /** Words that name constructs the language does not have. */
  static final Set<String> RESERVED = Set.of("new", "class", "while", "for", "do", "if", "else",
      "import", "return", "this", "super", "null", "def", "function", "var", "foreach",
      "until", "with", "assert", "instanceof", "is", "contains", "in", "soundslike",
      "strsim", "empty", "nil", "isdef", "switch", "case", "throw", "try", "catch");

  private Functions() {}

  private static Map<String, Signature> index(Signature... signatures) {
    ImmutableMap.Builder<String, Signature> byName = ImmutableMap.builder();
    for (Signature s : signatures) {
      byName.put(s.name(), s);
    }
    return byName.buildOrThrow();
  }

  /** The known name nearest to {@code name}, if one is close enough to be a likely typo. */
  static Optional<String> nearest(String name, Collection<String> known) {
    return org.loyaltyrules.core.internal.Names.nearest(name, known);
  }
}
